// Each project's progress in the page's scope: its targets (planned against achieved, as a bar
// with the figures in words; adults' targets, which the system does not record, say so), its
// funds with the burn-down and the forecast, and its partners' funds.
import { Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Facts } from '../../components/cases/Facts';
import { Loading, QueryError } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { currentLanguage, type Language } from '../../i18n';
import { formatPeriod } from '../../lib/dates';
import { formatCount, formatDate, formatMoney, formatMonth } from '../../lib/format';
import { BurnDownChart } from './BurnDownChart';
import { projectProgressQuery, type FundsData, type ProgressData } from './statisticsQueries';
import classes from './statistics.module.css';

export function ProjectProgressSection({ projectIds, on }: { projectIds: string[]; on: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: projectProgressQuery,
    variables: { projectIds: projectIds.length > 0 ? projectIds : null, on },
  });
  return (
    <section aria-labelledby="statistics-progress">
      <Title order={2} id="statistics-progress" mb="xs">
        {t('statistics.progressTitle')}
      </Title>
      <Text mb="md">{t('statistics.progressIntro', { date: formatDate(on) })}</Text>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && data.projectProgress.length === 0 && <Text>{t('statistics.progressEmpty')}</Text>}
      <Stack gap="xl">
        {data?.projectProgress.map((p) => (
          <ProjectProgressView key={p.project.id} progress={p} />
        ))}
      </Stack>
    </section>
  );
}

/** The forecast in words: when the money runs out, or what remains at the end. */
export function forecastText(funds: FundsData, t: TFunction, language: Language): string {
  if (funds.exhaustedIn) return t('statistics.exhaustedIn', { month: formatMonth(funds.exhaustedIn) });
  if (funds.unspentAtEnd !== null && funds.unspentAtEnd !== undefined && !/^0+(\.0+)?$/.test(funds.monthlyPace)) {
    return t('statistics.unspentAtEnd', { amount: formatMoney(funds.unspentAtEnd, language) });
  }
  if (/^0+(\.0+)?$/.test(funds.monthlyPace)) return t('statistics.noForecast');
  return '';
}

function ProjectProgressView({ progress: p }: { progress: ProgressData }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const lv = language === 'lv' ? undefined : 'lv';
  const id = `progress-${p.project.id}`.replace(/[^A-Za-z0-9_-]/g, '');
  const money = (amount: string | null | undefined) => (amount ? formatMoney(amount, language) : '—');
  const forecast = forecastText(p.funds, t, language);

  return (
    <section aria-labelledby={id} className={classes.project}>
      <Title order={3} id={id}>
        <span lang={lv}>{p.project.name}</span>
      </Title>
      <Text c="dimmed" mb="sm">
        {t('statistics.projectPeriod', { code: p.project.code, period: formatPeriod(p.project.startDate, p.project.endDate) })}
      </Text>

      <Title order={4} mb="xs">
        {t('statistics.targetsTitle')}
      </Title>
      <Stack gap="sm" mb="md" component="ul" className={classes.targets}>
        {p.targets.map((target) => {
          const label = t(`targetGroup.${target.group}`);
          if (!target.recorded || target.achieved === null || target.achieved === undefined) {
            // Not recorded (adults' targets), or withheld from an analyst (too few children).
            return (
              <li key={target.group}>
                <Text>{label}</Text>
                <Text c="dimmed">
                  {target.recorded
                    ? `${t('statistics.suppressedCellNoK')} (${t('statistics.plannedCount', { planned: formatCount(target.planned, language) })})`
                    : t('statistics.notRecorded', { planned: formatCount(target.planned, language) })}
                </Text>
              </li>
            );
          }
          const percent = target.planned > 0 ? Math.floor((target.achieved * 100) / target.planned) : 0;
          const text = t('statistics.targetText', {
            achieved: formatCount(target.achieved, language),
            planned: formatCount(target.planned, language),
            percent,
          });
          return (
            <li key={target.group}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text>{label}</Text>
                <Text fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {text}
                </Text>
              </Group>
              {/* The bar carries the role with the figures in words, as the budget bar does. */}
              <Progress.Root
                size="lg"
                role="progressbar"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.min(percent, 100)}
                aria-valuetext={text}
              >
                <Progress.Section value={Math.min(percent, 100)} color="teal.9" withAria={false} />
              </Progress.Root>
            </li>
          );
        })}
      </Stack>

      <Title order={4} mb="xs">
        {t('statistics.fundsTitle')}
      </Title>
      {/* A worker's figures are their municipalities' part, which has no budget of its own. */}
      <Facts
        items={[
          ...(p.funds.budget ? [{ label: t('statistics.budget'), value: money(p.funds.budget) }] : []),
          { label: t('statistics.committed'), value: money(p.funds.committed) },
          { label: t('statistics.delivered'), value: money(p.funds.delivered) },
          { label: t('statistics.claimed'), value: money(p.funds.claimed) },
          { label: t('statistics.paid'), value: money(p.funds.paid) },
          ...(p.funds.remaining ? [{ label: t('statistics.remaining'), value: money(p.funds.remaining) }] : []),
          { label: t('statistics.monthlyPace'), value: money(p.funds.monthlyPace) },
        ]}
      />
      {forecast && (
        <Text fw={700} my="sm">
          {forecast}
        </Text>
      )}
      <BurnDownChart funds={p.funds} startDate={p.project.startDate} endDate={p.project.endDate} label={forecast} />

      {p.partners.length > 0 && (
        <>
          <Title order={4} mt="md" mb="xs">
            {t('statistics.partnersTitle')}
          </Title>
          <TableScroll label={t('statistics.partnersCaption', { name: p.project.name })}>
            <Table striped withTableBorder className={classes.table}>
              <Table.Caption className="visually-hidden">{t('statistics.partnersCaption', { name: p.project.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('statistics.partner')}</Table.Th>
                  {(['committed', 'delivered', 'claimed', 'paid', 'monthlyPace'] as const).map((k) => (
                    <Table.Th key={k} scope="col" ta="right">
                      {t(`statistics.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.partners.map((partner) => (
                  <Table.Tr key={partner.municipality.id}>
                    <Table.Th scope="row" fw={500} lang={lv}>
                      {partner.municipality.name}
                    </Table.Th>
                    {(['committed', 'delivered', 'claimed', 'paid', 'monthlyPace'] as const).map((k) => (
                      <Table.Td key={k} ta="right" className={classes.figure}>
                        {money(partner.funds[k])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
