// The municipality's verification queue: the recorded deliveries of the children the user
// works on, to verify (several at once, all or none) or reject with a reason. Only verified
// deliveries can be claimed from the region. The sort (in the browser, of the rows loaded) is
// kept in the address (sort).
import { Alert, Anchor, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormProblem } from '../../components/FormProblem';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { deliveryLabel, RejectDeliveryForm } from '../../components/deliveries/DeliveryForms';
import { deliveriesQuery, verifyDeliveriesMutation, type DeliveryData } from '../../components/deliveries/deliveryQueries';
import { unitsText } from '../../components/deliveries/deliveryText';
import { Loading, QueryError } from '../../components/QueryStatus';
import { SortHeader } from '../../components/SortHeader';
import { TableScroll } from '../../components/TableScroll';
import { nextSort, parseSort, sortRows, sortValue, useListParams } from '../../lib/listState';
import { usePages } from '../../components/usePages';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import { childName } from '../cases/childName';

export const verifySortKeys = ['date', 'child', 'service', 'units', 'amount', 'provider', 'specialist'] as const;
export type VerifySortKey = (typeof verifySortKeys)[number];

export function VerifyDeliveriesPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('verify.title'));
  const queue = usePages({
    query: deliveriesQuery,
    variables: { filter: { status: 'RECORDED' } },
    connection: (d) => d.deliveries,
  });
  const verify = useCaseMutation(verifyDeliveriesMutation);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [verified, setVerified] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<DeliveryData | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const [params, update] = useListParams();
  const sort = parseSort(params, verifySortKeys, null);
  const onSort = (key: VerifySortKey) => update({ sort: sortValue(nextSort(sort, key, key === 'date' || key === 'amount'), null) });
  const rows = sortRows(queue.nodes, sort, (d, key) => {
    switch (key) {
      case 'date':
        return d.date;
      case 'child':
        return childName(d.child, t('child.pseudonymous'));
      case 'service':
        return language === 'en' ? d.serviceType.nameEn : d.serviceType.name;
      case 'units':
        return Number(d.units);
      case 'amount':
        return Number(d.amount);
      case 'provider':
        return d.provider.name;
      case 'specialist':
        return d.specialistName ?? null;
    }
  });
  const header = (key: VerifySortKey, label: string, align?: 'right') => (
    <SortHeader sortKey={key} sort={sort} onSort={onSort} align={align}>
      {label}
    </SortHeader>
  );
  // A row that left the queue (verified, rejected or changed elsewhere) is no longer selected.
  const chosen = rows.filter((d) => selected.has(d.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const startOver = () => {
    setSelected(new Set());
    queue.refresh();
  };
  const label = (d: DeliveryData) => `${deliveryLabel(d, language)}, ${childName(d.child, t('child.pseudonymous'))}`;

  const sendVerify = async () => {
    setVerified(null);
    setRejected(null);
    // Each names the version the user saw: a delivery changed meanwhile makes the whole batch
    // fail with CONFLICT, so nobody verifies what they did not see.
    const done = await verify.run({ input: { deliveries: chosen.map((d) => ({ deliveryId: d.id, version: d.version })) } });
    if (done) {
      setVerified(done.verifyDeliveries.deliveries.length);
      startOver();
    }
  };
  const closeReject = () => {
    setRejecting(null);
    const back = opener.current;
    requestAnimationFrame(() => (back?.isConnected ? back : document.getElementById('verify-title'))?.focus());
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} id="verify-title" tabIndex={-1}>
          {t('verify.title')}
        </Title>
        <Text mt="xs" maw="48rem">
          {t('verify.intro')}
        </Text>
      </div>

      {verify.problem?.code === 'CONFLICT' ? (
        <Alert role="alert" color="red" variant="outline" title={t('verify.conflictTitle')}>
          <Text>{t('verify.conflict')}</Text>
          <Button
            mt="sm"
            variant="outline"
            color="red.9"
            onClick={() => {
              verify.setProblem(null);
              startOver();
            }}
          >
            {t('verify.reload')}
          </Button>
        </Alert>
      ) : (
        <FormProblem problem={verify.problem} />
      )}
      {verified !== null && (
        <Text role="status" c="teal.9" fw={500}>
          {t('verify.verified', { count: verified })}
        </Text>
      )}
      {rejected && (
        <Text role="status" c="teal.9" fw={500}>
          {t('verify.rejected', { label: rejected })}
        </Text>
      )}

      {queue.error && !queue.loaded && <QueryError error={queue.error} onRetry={queue.retry} />}
      {!queue.loaded && queue.fetching && <Loading />}
      {queue.loaded && (
        <Stack gap="sm">
          <Text role="status" fw={500}>
            {t('verify.count', { count: queue.total ?? rows.length })}
          </Text>
          {rows.length > 0 && (
            <>
              <Group>
                <Button onClick={() => void sendVerify()} disabled={chosen.length === 0} loading={verify.busy}>
                  {t('verify.verifySelected', { count: chosen.length })}
                </Button>
              </Group>
              <TableScroll label={t('verify.tableCaption')}>
                <Table striped withTableBorder>
                  <Table.Caption className="visually-hidden">{t('verify.tableCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">
                        <Checkbox
                          aria-label={t('verify.selectAll')}
                          checked={allChosen}
                          indeterminate={chosen.length > 0 && !allChosen}
                          onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((d) => d.id)) : new Set())}
                        />
                      </Table.Th>
                      {header('date', t('deliveries.date'))}
                      {header('child', t('verify.child'))}
                      {header('service', t('plan.serviceType'))}
                      {header('units', t('deliveries.units'), 'right')}
                      {header('amount', t('deliveries.amount'), 'right')}
                      {header('provider', t('deliveries.provider'))}
                      {header('specialist', t('deliveries.specialist'))}
                      <Table.Th scope="col">{t('deliveries.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Checkbox
                            aria-label={t('verify.select', { label: label(d) })}
                            checked={selected.has(d.id)}
                            onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date)}</Table.Td>
                        <Table.Th scope="row" fw={500}>
                          <Anchor component={Link} to={`/children/${encodeURIComponent(d.child.id)}`}>
                            {childName(d.child, t('child.pseudonymous'))}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{language === 'en' ? d.serviceType.nameEn : d.serviceType.name}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {unitsText(d, t)}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatMoney(d.amount, language)}
                        </Table.Td>
                        <Table.Td>{d.provider.name}</Table.Td>
                        <Table.Td>{d.specialistName ?? '—'}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            aria-label={t('deliveries.rejectNamed', { label: label(d) })}
                            onClick={(e) => {
                              opener.current = e.currentTarget;
                              setRejecting(d);
                            }}
                          >
                            {t('deliveries.reject')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </>
          )}
          {rejecting && (
            <RejectDeliveryForm
              key={rejecting.id}
              delivery={rejecting}
              label={label(rejecting)}
              onDone={() => {
                setRejected(label(rejecting));
                setVerified(null);
                toggle(rejecting.id, false);
                closeReject();
                queue.refresh();
              }}
              onCancel={closeReject}
              onReload={() => {
                closeReject();
                startOver();
              }}
            />
          )}
          {queue.error && <QueryError error={queue.error} onRetry={queue.retry} />}
          {queue.loadMore && (
            <Group>
              <Button variant="outline" loading={queue.fetching} onClick={queue.loadMore}>
                {t('deliveries.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
