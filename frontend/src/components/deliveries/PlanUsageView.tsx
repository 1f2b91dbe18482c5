// A plan's usage: of the individual budget, and of every line of the revision in force —
// planned, delivered, verified, claimed and what remains, in units and in EUR, each with a bar.
import { Group, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLanguage, type Language } from '../../i18n';
import { toCents } from '../../lib/money';
import { TableScroll } from '../TableScroll';
import type { PlanUsageData, UsageFiguresData } from './deliveryQueries';
import { share, usageColors, UsageMeter } from './UsageMeter';

export function PlanUsageView({ usage }: { usage: PlanUsageData['usage'] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const f = usage.figures;
  const money = (amount: string) => formatMoney(amount, language);
  const budgetText = t('usage.budgetText', {
    delivered: money(f.deliveredAmount),
    planned: money(f.plannedAmount),
    percent: share(toCents(f.deliveredAmount), toCents(f.plannedAmount)),
    verified: money(f.verifiedAmount),
    claimed: money(f.claimedAmount),
    remaining: money(f.remainingAmount),
  });

  return (
    <Stack gap="md">
      <Stack gap={6} data-testid="usage-budget">
        <Text fw={500}>{budgetText}</Text>
        <UsageMeter label={t('usage.budgetMeter')} valueText={budgetText} shares={moneyShares(f)} />
        <Legend t={t} />
      </Stack>
      {usage.lines.length === 0 ? (
        <Text>{t('plan.noLines')}</Text>
      ) : (
        <TableScroll label={t('usage.linesCaption')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('usage.linesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.serviceType')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usage.planned')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usage.delivered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usage.verified')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usage.claimed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('usage.remaining')}
                </Table.Th>
                <Table.Th scope="col">{t('usage.bar')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {usage.lines.map(({ line, figures: lf }) => {
                const name = lineName(line, language, t);
                const units = (n: number) => t(`unitCount.${line.serviceType.unit}`, { count: n });
                const valueText = t('usage.lineText', {
                  delivered: lf.deliveredUnits,
                  planned: units(lf.plannedUnits),
                  percent: share(lf.deliveredUnits, lf.plannedUnits),
                  verified: lf.verifiedUnits,
                  claimed: lf.claimedUnits,
                  remaining: units(lf.remainingUnits),
                  amount: money(lf.remainingAmount),
                });
                return (
                  <Table.Tr key={line.key}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                      <Text size="sm" c="dimmed" component="span" display="block">
                        {t(`serviceUnitPlural.${line.serviceType.unit}`)}
                      </Text>
                    </Table.Th>
                    <Figure units={lf.plannedUnits} amount={money(lf.plannedAmount)} />
                    <Figure units={lf.deliveredUnits} amount={money(lf.deliveredAmount)} />
                    <Figure units={lf.verifiedUnits} amount={money(lf.verifiedAmount)} />
                    <Figure units={lf.claimedUnits} amount={money(lf.claimedAmount)} />
                    <Figure units={lf.remainingUnits} amount={money(lf.remainingAmount)} />
                    <Table.Td>
                      <UsageMeter label={t('usage.lineMeter', { name })} valueText={valueText} shares={unitShares(lf)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

/** A cell with a quantity and its amount below it. */
function Figure({ units, amount }: { units: number; amount: string }) {
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {units}
      <Text size="sm" c="dimmed" component="span" display="block">
        {amount}
      </Text>
    </Table.Td>
  );
}

/** What the bars' parts mean, in words beside a sample of each. */
function Legend({ t }: { t: TFunction }) {
  const items = [
    { key: 'claimed', color: usageColors.claimed, striped: false, label: t('usage.legendClaimed') },
    { key: 'verified', color: usageColors.verified, striped: false, label: t('usage.legendVerified') },
    { key: 'recorded', color: usageColors.recorded, striped: true, label: t('usage.legendRecorded') },
  ];
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('usage.legend')}>
      {items.map((i) => (
        <Group key={i.key} gap={6} component="li">
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: '1.5rem',
              height: '0.75rem',
              background: `var(--mantine-color-${i.color.replace('.', '-')})`,
              backgroundImage: i.striped
                ? 'linear-gradient(45deg, rgba(255,255,255,.35) 25%, transparent 25%, transparent 50%, rgba(255,255,255,.35) 50%, rgba(255,255,255,.35) 75%, transparent 75%)'
                : undefined,
              backgroundSize: '0.75rem 0.75rem',
              borderRadius: 2,
            }}
          />
          <Text size="sm" component="span">
            {i.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function unitShares(f: UsageFiguresData) {
  return {
    claimed: share(f.claimedUnits, f.plannedUnits),
    verified: share(f.verifiedUnits, f.plannedUnits),
    delivered: share(f.deliveredUnits, f.plannedUnits),
  };
}

function moneyShares(f: UsageFiguresData) {
  const whole = toCents(f.plannedAmount);
  return {
    claimed: share(toCents(f.claimedAmount), whole),
    verified: share(toCents(f.verifiedAmount), whole),
    delivered: share(toCents(f.deliveredAmount), whole),
  };
}

/** "Fizioterapija (vecāki)": the service in the user's language, and who receives it. */
export function lineName(
  line: { serviceType: { name: string; nameEn: string }; recipient: 'CHILD' | 'PARENTS' },
  language: Language,
  t: TFunction,
): string {
  return `${language === 'en' ? line.serviceType.nameEn : line.serviceType.name} (${t(`recipient.${line.recipient}`)})`;
}
