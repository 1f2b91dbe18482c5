// The delivered services of a plan in the plan editor: the usage of the budget and of each
// line, quick entry of a session (for an active plan), and the plan's delivery log with
// corrections and rejections. After any change the usage and the log are asked for anew.
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDate, formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import type { PlanData } from '../../pages/cases/planQuery';
import { useMe } from '../../auth/session';
import { Loading, QueryError } from '../QueryStatus';
import { TableScroll } from '../TableScroll';
import { usePages, type Pages } from '../usePages';
import { changeable, CorrectDeliveryForm, deliveryLabel, RejectDeliveryForm } from './DeliveryForms';
import { planDeliveriesQuery, planUsageQuery, type DeliveryData, type PlanUsageData } from './deliveryQueries';
import { recipientText, statusLines, unitsText } from './deliveryText';
import { PlanUsageView } from './PlanUsageView';
import { QuickEntryForm } from './QuickEntryForm';

export { hasDeliveries } from './hasDeliveries';

export function PlanDeliveries({ plan }: { plan: PlanData }) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, fetching, error }, reexecuteUsage] = useQuery({ query: planUsageQuery, variables: { id: plan.id } });
  const log = usePages({
    query: planDeliveriesQuery,
    variables: { id: plan.id },
    connection: (d) => (d.node?.__typename === 'SupportPlan' ? d.node.deliveries : null),
    pageSize: 20,
  });
  const changed = () => {
    reexecuteUsage({ requestPolicy: 'network-only' });
    log.refresh();
  };
  const usagePlan = data?.node?.__typename === 'SupportPlan' ? data.node : null;

  // The server says whether the viewer may record on some line of this plan, not on which: a
  // user bound to a provider (a specialist) records only on that provider's lines, everyone
  // else it allows on every line. The server decides again.
  const recordable = plan.viewerCan.recordDelivery
    ? (usagePlan?.usage.lines ?? []).filter((l) => !me?.provider || l.line.provider?.id === me.provider.id)
    : [];

  return (
    <>
      <section aria-labelledby="usage-title">
        <Title order={2} id="usage-title" mb="sm">
          {t('usage.title')}
        </Title>
        {fetching && !data && <Loading />}
        {error && !data && <QueryError error={error} onRetry={() => reexecuteUsage({ requestPolicy: 'network-only' })} />}
        {usagePlan && <PlanUsageView usage={usagePlan.usage} />}
      </section>

      <section aria-labelledby="log-title">
        <Title order={2} id="log-title" mb="sm" tabIndex={-1}>
          {t('deliveries.logTitle')}
        </Title>
        <Stack gap="md">
          {plan.status === 'ACTIVE' && usagePlan && recordable.length > 0 && (
            <QuickEntryForm
              planId={plan.id}
              period={{ from: plan.current.validFrom, to: plan.current.validTo }}
              lines={recordable} parents={usagePlan.child.parents} onRecorded={changed} />
          )}
          {plan.status !== 'ACTIVE' && <Text size="sm">{t('deliveries.notActive')}</Text>}
          <DeliveryLog log={log} parents={usagePlan?.child.parents ?? []} onChanged={changed} />
        </Stack>
      </section>
    </>
  );
}

function DeliveryLog({
  log,
  parents,
  onChanged,
}: {
  log: Pages<DeliveryData>;
  parents: PlanUsageData['child']['parents'];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // The delivery being corrected or rejected, and the button that opened the form (focus goes
  // back to it when the form closes).
  const [open, setOpen] = useState<{ kind: 'correct' | 'reject'; delivery: DeliveryData } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const close = () => {
    setOpen(null);
    const back = opener.current;
    // After a rejection the row has no buttons any more: the log's heading takes focus.
    requestAnimationFrame(() => (back?.isConnected ? back : document.getElementById('log-title'))?.focus());
  };
  const done = () => {
    close();
    onChanged();
  };
  // Each delivery says what the viewer may do with it; the column is there if anything is.
  const actions = log.nodes.some((d) => d.viewerCan.correct || d.viewerCan.reject);
  const parentOptions = parents.map((p) => ({ id: p.parent.id, label: `${p.parent.lastName} ${p.parent.firstName}` }));

  if (log.error && !log.loaded) return <QueryError error={log.error} onRetry={log.retry} />;
  if (!log.loaded) return log.fetching ? <Loading /> : null;
  return (
    <Stack gap="sm">
      <Text role="status" fw={500}>
        {t('deliveries.count', { count: log.total ?? log.nodes.length })}
      </Text>
      {log.nodes.length > 0 && (
        <TableScroll label={t('deliveries.logTitle')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('deliveries.logTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('deliveries.date')}</Table.Th>
                <Table.Th scope="col">{t('plan.serviceType')}</Table.Th>
                <Table.Th scope="col">{t('plan.recipient')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('deliveries.units')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('deliveries.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('deliveries.provider')}</Table.Th>
                <Table.Th scope="col">{t('deliveries.specialist')}</Table.Th>
                <Table.Th scope="col">{t('deliveries.status')}</Table.Th>
                {actions && <Table.Th scope="col">{t('deliveries.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.nodes.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(d.date)}
                  </Table.Th>
                  <Table.Td>{language === 'en' ? d.serviceType.nameEn : d.serviceType.name}</Table.Td>
                  <Table.Td>{recipientText(d, t)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {unitsText(d, t)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(d.amount, language)}
                  </Table.Td>
                  <Table.Td>{d.provider.name}</Table.Td>
                  <Table.Td>{d.specialistName ?? '—'}</Table.Td>
                  <Table.Td>
                    {statusLines(d, t).map((line, i) => (
                      <Text key={i} size={i === 0 ? undefined : 'sm'} fw={i === 0 ? 500 : undefined}>
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                  {actions && (
                    <Table.Td>
                      {changeable(d) && (
                        <Group gap="xs" wrap="nowrap">
                          {d.viewerCan.correct && (
                            <Button
                              size="xs"
                              variant="outline"
                              aria-label={t('deliveries.correctNamed', { label: deliveryLabel(d, language) })}
                              onClick={(e) => {
                                opener.current = e.currentTarget;
                                setOpen({ kind: 'correct', delivery: d });
                              }}
                            >
                              {t('deliveries.correct')}
                            </Button>
                          )}
                          {d.viewerCan.reject && (
                            <Button
                              size="xs"
                              variant="outline"
                              color="red.9"
                              aria-label={t('deliveries.rejectNamed', { label: deliveryLabel(d, language) })}
                              onClick={(e) => {
                                opener.current = e.currentTarget;
                                setOpen({ kind: 'reject', delivery: d });
                              }}
                            >
                              {t('deliveries.reject')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {open?.kind === 'correct' && (
        <CorrectDeliveryForm key={open.delivery.id} delivery={open.delivery} parents={parentOptions} onDone={done} onCancel={close} onReload={done} />
      )}
      {open?.kind === 'reject' && (
        <RejectDeliveryForm
          key={open.delivery.id}
          delivery={open.delivery}
          label={deliveryLabel(open.delivery, language)}
          onDone={done}
          onCancel={close}
          onReload={done}
        />
      )}
      {log.error && <QueryError error={log.error} onRetry={log.retry} />}
      {log.loadMore && (
        <Group>
          <Button variant="outline" loading={log.fetching} onClick={log.loadMore}>
            {t('deliveries.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
