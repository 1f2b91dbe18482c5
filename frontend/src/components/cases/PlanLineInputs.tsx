// The service lines of a draft revision: service, recipient (as the service allows), provider
// and planned units of each, with the server's price once saved. Errors are at the paths the
// server names ("lines.0.plannedUnits").
import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recipient } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { useProviders, useServiceTypes } from '../../lib/referenceData';
import type { RevisionData } from '../../pages/cases/planQuery';
import { uid, type LineRow } from './planDraft';

export function PlanLineInputs({
  lines,
  revision,
  onChange,
  errorAt,
}: {
  lines: LineRow[];
  /** The revision as saved: its lines carry the server's prices. */
  revision: RevisionData;
  /** Changes the lines from the form's latest values. */
  onChange: (f: (lines: LineRow[]) => LineRow[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serviceTypes = useServiceTypes();
  const providers = useProviders();
  const setLine = (i: number, l: Partial<LineRow>) => onChange((ls) => ls.map((x, j) => (j === i ? { ...x, ...l } : x)));

  const savedLine = (row: LineRow) => {
    const l = row.key ? revision.lines.find((x) => x.key === row.key) : undefined;
    // The server's price holds for the line as saved; a changed line gets its price on saving.
    if (!l || l.serviceType.id !== row.serviceTypeId || (l.provider?.id ?? '') !== row.providerId || l.plannedUnits !== Number(row.plannedUnits)) return null;
    return l;
  };

  return (
    <>
    <Title order={3}>{t('plan.lines')}</Title>
    {lines.length === 0 && <Text>{t('plan.noLines')}</Text>}
    {lines.map((l, i) => {
      const type = serviceTypes.find((s) => s.id === l.serviceTypeId);
      const saved = savedLine(l);
      return (
        <Fieldset key={l.uid} legend={t('plan.lineN', { n: i + 1 })}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <NativeSelect
              label={t('plan.serviceType')}
              required
              value={l.serviceTypeId}
              onChange={(e) => {
                const id = e.currentTarget.value;
                const allowed = serviceTypes.find((s) => s.id === id)?.recipients ?? [];
                // Keep the recipient if the new service has it, else take its first one.
                setLine(i, { serviceTypeId: id, recipient: l.recipient && allowed.includes(l.recipient) ? l.recipient : (allowed[0] ?? '') });
              }}
              data={[
                { value: '', label: t('caseForm.choose') },
                ...serviceTypes.map((s) => ({ value: s.id, label: language === 'en' ? s.nameEn : s.name })),
              ]}
              error={errorAt(`lines.${i}.serviceTypeId`)}
            />
            <NativeSelect
              label={t('plan.recipient')}
              required
              value={l.recipient}
              onChange={(e) => setLine(i, { recipient: e.currentTarget.value as Recipient })}
              data={[
                { value: '', label: t('caseForm.choose') },
                ...(type?.recipients ?? []).map((r) => ({ value: r, label: t(`recipient.${r}`) })),
              ]}
              error={errorAt(`lines.${i}.recipient`)}
            />
            <NativeSelect
              label={t('plan.provider')}
              value={l.providerId}
              onChange={(e) => setLine(i, { providerId: e.currentTarget.value })}
              data={[{ value: '', label: t('plan.noProvider') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
              error={errorAt(`lines.${i}.providerId`)}
            />
            <NumberInput
              label={type ? t('plan.plannedUnitsOf', { unit: t(`serviceUnitPlural.${type.unit}`) }) : t('plan.plannedUnits')}
              required
              min={1}
              max={10000}
              allowDecimal={false}
              allowNegative={false}
              value={l.plannedUnits}
              onChange={(v) => setLine(i, { plannedUnits: v })}
              error={errorAt(`lines.${i}.plannedUnits`)}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <Text size="sm" data-testid="line-amount">
              {saved
                ? t('plan.lineAmount', {
                    units: saved.plannedUnits,
                    price: formatMoney(saved.unitPrice, language),
                    amount: formatMoney(saved.amount, language),
                    source: t(`priceSource.${saved.priceSource}`),
                  })
                : t('plan.lineAmountOnSave')}
            </Text>
            <Button variant="subtle" color="red.9" c="red.9" onClick={() => onChange((ls) => ls.filter((_, j) => j !== i))}>
              {t('plan.removeLine', { n: i + 1 })}
            </Button>
          </Group>
        </Fieldset>
      );
    })}
    <Group>
      <Button
        variant="default"
        onClick={() =>
          onChange((ls) => [...ls, { uid: uid(), key: null, serviceTypeId: '', recipient: '', providerId: '', plannedUnits: 10 }])
        }
      >
        {t('plan.addLine')}
      </Button>
    </Group>
    </>
  );
}
