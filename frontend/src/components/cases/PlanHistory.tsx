// Every revision of a plan, and the differences between any two of them.
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDateTime, formatMoney } from '../../lib/format';
import { currentLanguage, type Language } from '../../i18n';
import { planDiffQuery, type PlanData } from '../../pages/cases/planQuery';
import { Loading, QueryError } from '../QueryStatus';
import { TableScroll } from '../TableScroll';
import { formatOptionalDate, formatPeriod } from '../../lib/dates';

const planFieldKeys = {
  validFrom: 'plan.validFrom',
  validTo: 'plan.validTo',
  budget: 'plan.budget',
  text: 'plan.goalText',
  indicator: 'plan.goalIndicator',
  targetDate: 'plan.goalTargetDate',
  status: 'plan.goalStatus',
  serviceType: 'plan.serviceType',
  recipient: 'plan.recipient',
  provider: 'plan.provider',
  plannedUnits: 'plan.plannedUnits',
  unitPrice: 'plan.unitPrice',
  amount: 'plan.amount',
} as const;

/** A line's label from the server is "<service name> <RECIPIENT>": the recipient is translated. */
function readableLabel(label: string, t: TFunction): string {
  return label.replace(/ (CHILD|PARENTS)$/, (_, r: 'CHILD' | 'PARENTS') => ` (${t(`recipient.${r}`)})`);
}

/** What a change is about, in words: "Budget", "Goal "…": status", "Service added: …". */
export function describeChange(c: { path: string; label?: string | null; before?: string | null }, t: TFunction): string {
  const m = /^(goals|lines)\[[^\]]*\](?:\.(\w+))?$/.exec(c.path);
  if (!m) {
    const key = planFieldKeys[c.path as keyof typeof planFieldKeys];
    return key ? t(key) : c.path;
  }
  const list = m[1] as 'goals' | 'lines';
  const label = readableLabel(c.label ?? '', t);
  if (!m[2]) {
    const what = c.before == null ? 'added' : 'removed';
    return t(`plan.diff.${list}_${what}`, { label });
  }
  const key = planFieldKeys[m[2] as keyof typeof planFieldKeys];
  return t(`plan.diff.${list}_field`, { label, field: key ? t(key) : m[2] });
}

/** A value of a change as the reader knows it: dates, money and statuses formatted. */
export function formatChangeValue(path: string, value: string | null | undefined, t: TFunction, language: Language): string {
  if (value == null || value === '') return '—';
  const field = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1) : path;
  if (/\[[^\]]*\]$/.test(path)) return readableLabel(value, t); // a whole goal or line
  switch (field) {
    case 'validFrom':
    case 'validTo':
    case 'targetDate':
      return formatOptionalDate(value);
    case 'budget':
    case 'unitPrice':
    case 'amount':
      return formatMoney(value, language);
    case 'status':
      return t(`goalStatus.${value as 'NOT_STARTED'}`);
    case 'recipient':
      return t(`recipient.${value as 'CHILD'}`);
    default:
      return value;
  }
}

export function PlanHistory({ plan }: { plan: PlanData }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const numbers = plan.revisions.map((r) => r.number);
  const [from, setFrom] = useState(String(numbers.length > 1 ? numbers[numbers.length - 2] : (numbers[0] ?? 1)));
  const [to, setTo] = useState(String(numbers[numbers.length - 1] ?? 1));
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);

  const compare = (event: FormEvent) => {
    event.preventDefault();
    setCompared({ from: Number(from), to: Number(to) });
  };

  return (
    <section aria-labelledby="history-title">
      <Title order={2} id="history-title" mb="sm">
        {t('plan.history')}
      </Title>
      <TableScroll label={t('plan.history')}>
        <Table striped withTableBorder>
          <Table.Caption className="visually-hidden">{t('plan.history')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.revision')}</Table.Th>
              <Table.Th scope="col">{t('plan.status')}</Table.Th>
              <Table.Th scope="col">{t('plan.period')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('plan.budget')}
              </Table.Th>
              <Table.Th scope="col">{t('plan.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('plan.submittedAt')}</Table.Th>
              <Table.Th scope="col">{t('plan.approvedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.revisions.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">{r.number}</Table.Th>
                <Table.Td>{t(`planStatus.${r.status}`)}</Table.Td>
                <Table.Td>{formatPeriod(r.validFrom, r.validTo)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(r.budget, language)}
                </Table.Td>
                <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                <Table.Td>{r.submittedAt ? formatDateTime(r.submittedAt) : '—'}</Table.Td>
                <Table.Td>
                  {r.approvedAt ? formatDateTime(r.approvedAt) : '—'}
                  {r.approvedBy ? `, ${r.approvedBy.name}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {numbers.length > 1 && (
        <form onSubmit={compare} aria-labelledby="compare-title">
          <Title order={3} id="compare-title" mt="md" mb="xs">
            {t('plan.compareTitle')}
          </Title>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('plan.compareFrom')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data={numbers.map((n) => ({ value: String(n), label: t('plan.revisionN', { n }) }))}
            />
            <NativeSelect
              label={t('plan.compareTo')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data={numbers.map((n) => ({ value: String(n), label: t('plan.revisionN', { n }) }))}
            />
            <Button type="submit">{t('plan.compare')}</Button>
          </Group>
        </form>
      )}
      {compared && <PlanDiff planId={plan.id} from={compared.from} to={compared.to} />}
    </section>
  );
}

function PlanDiff({ planId, from, to }: { planId: string; from: number; to: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: planDiffQuery, variables: { id: planId, from, to } });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const changes = data?.node?.__typename === 'SupportPlan' ? data.node.diff : [];
  const caption = t('plan.diffCaption', { from, to });
  return (
    <Stack gap="xs" mt="md">
      {changes.length === 0 ? (
        <Text role="status">{t('plan.noDifferences', { from, to })}</Text>
      ) : (
        <TableScroll label={caption}>
          <Table striped withTableBorder>
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.diffField')}</Table.Th>
                <Table.Th scope="col">{t('plan.diffBefore')}</Table.Th>
                <Table.Th scope="col">{t('plan.diffAfter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((c, i) => (
                <Table.Tr key={`${c.path}-${i}`}>
                  <Table.Th scope="row" fw={500}>
                    {describeChange(c, t)}
                  </Table.Th>
                  <Table.Td>{formatChangeValue(c.path, c.before, t, language)}</Table.Td>
                  <Table.Td>{formatChangeValue(c.path, c.after, t, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
