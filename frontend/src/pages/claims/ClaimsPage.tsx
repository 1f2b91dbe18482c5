// Compensation claims the user may see, newest first: a municipality worker's municipalities',
// a region coordinator's (for the projects the region leads), all for an administrator or an
// analyst. Workers prepare new ones here. The status filter and the sort (in the browser, of
// the rows loaded) are kept in the address (status, sort).
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe, worksIn } from '../../auth/session';
import { formatPeriod } from '../../lib/dates';
import { Loading, QueryError } from '../../components/QueryStatus';
import { SortHeader } from '../../components/SortHeader';
import { TableScroll } from '../../components/TableScroll';
import { nextSort, oneOf, parseSort, sortRows, sortValue, useListParams, type Sort } from '../../lib/listState';
import { usePages } from '../../components/usePages';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime, formatMoney } from '../../lib/format';
import type { ClaimFilter, ClaimStatus } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { claimsQuery } from './claimQueries';
import { everyOf } from '../../lib/everyOf';

export const claimStatuses = everyOf<ClaimStatus>()(['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID']);

export const claimSortKeys = ['period', 'status', 'municipality', 'project', 'total', 'submittedAt'] as const;
export type ClaimSortKey = (typeof claimSortKeys)[number];
/** Amounts and times sort largest and newest first at the first click. */
const descendingFirst: ReadonlySet<ClaimSortKey> = new Set(['total', 'submittedAt']);

export function ClaimsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('claims.title'));
  const me = useMe();
  const [params, update] = useListParams();
  const status = oneOf<ClaimStatus>(params, 'status', claimStatuses) ?? '';
  const filter: ClaimFilter = status ? { status } : {};
  const sort = parseSort(params, claimSortKeys, null);
  const onSort = (key: ClaimSortKey) => update({ sort: sortValue(nextSort(sort, key, descendingFirst.has(key)), null) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('claims.title')}</Title>
          <Text mt="xs" maw="48rem">
            {t('claims.intro')}
          </Text>
        </div>
        {worksIn(me, 'prepareClaims') && (
          <Button component={Link} to="/claims/new">
            {t('claims.new')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('claims.filterStatus')}
        value={status}
        onChange={(e) => update({ status: e.currentTarget.value })}
        data={[{ value: '', label: t('children.any') }, ...claimStatuses.map((s) => ({ value: s, label: t(`claimStatus.${s}`) }))]}
        maw="20rem"
      />
      {/* A new filter starts the list afresh. */}
      <ClaimsTable key={status} filter={filter} sort={sort} onSort={onSort} />
    </Stack>
  );
}

function ClaimsTable({ filter, sort, onSort }: { filter: ClaimFilter; sort: Sort<ClaimSortKey> | null; onSort: (key: ClaimSortKey) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = usePages({ query: claimsQuery, variables: { filter }, connection: (d) => d.claims });
  const rows = sortRows(list.nodes, sort, (c, key) => {
    switch (key) {
      case 'period':
        return c.periodFrom;
      case 'status':
        return t(`claimStatus.${c.status}`);
      case 'municipality':
        return c.municipality.name;
      case 'project':
        return `${c.project.name} (${c.project.code})`;
      case 'total':
        return Number(c.total);
      case 'submittedAt':
        return c.submittedAt;
    }
  });
  const header = (key: ClaimSortKey, label: string, align?: 'right') => (
    <SortHeader sortKey={key} sort={sort} onSort={onSort} align={align}>
      {label}
    </SortHeader>
  );

  if (list.error && !list.loaded) return <QueryError error={list.error} onRetry={list.retry} />;
  if (!list.loaded) return list.fetching ? <Loading /> : null;
  return (
    <Stack gap="sm">
      <Text role="status" fw={500}>
        {t('claims.count', { count: list.total ?? list.nodes.length })}
      </Text>
      {list.nodes.length > 0 && (
        <TableScroll label={t('claims.tableCaption')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('claims.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {header('period', t('claims.period'))}
                {header('status', t('claims.status'))}
                {header('municipality', t('claims.municipality'))}
                {header('project', t('claims.project'))}
                {header('total', t('claims.total'), 'right')}
                {header('submittedAt', t('claims.submittedAt'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/claims/${encodeURIComponent(c.id)}`}>
                      {formatPeriod(c.periodFrom, c.periodTo)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`claimStatus.${c.status}`)}</Table.Td>
                  <Table.Td lang="lv">{c.municipality.name}</Table.Td>
                  <Table.Td lang="lv">{`${c.project.name} (${c.project.code})`}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.total, language)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.submittedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.error && <QueryError error={list.error} onRetry={list.retry} />}
      {list.loadMore && (
        <Group>
          <Button variant="outline" loading={list.fetching} onClick={list.loadMore}>
            {t('deliveries.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
