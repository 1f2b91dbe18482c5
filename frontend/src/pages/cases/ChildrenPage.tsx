// The children the caller may see: search as you type, filters, a sort by name or birth date
// (on the server: the list comes page by page), all kept in the address; and a table that
// grows page by page over the Relay connection ("load more").
import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryError } from '../../components/QueryStatus';
import { SortHeader } from '../../components/SortHeader';
import { TableScroll } from '../../components/TableScroll';
import { usePages } from '../../components/usePages';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { impairmentKinds, livingArrangements, planStatuses } from '../../components/cases/enums';
import { useMunicipalities } from '../../lib/referenceData';
import { formatDate } from '../../lib/format';
import { graphql } from '../../gql';
import type { ChildFilter, ChildOrder, ImpairmentKind, LivingArrangement, PlanStatus } from '../../gql/graphql';
import { statusColor } from '../../components/cases/statusColor';
import { nextSort, oneOf, parseSort, sortValue, useListParams, useSearchParam, type Sort } from '../../lib/listState';
import { childName } from './childName';

export const childrenQuery = graphql(`
  query Children($filter: ChildFilter, $first: Int, $after: String, $orderBy: ChildOrder) {
    children(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          personalCode
          firstName
          lastName
          birthDate
          birthYear
          municipality {
            id
            name
          }
          supportPlans {
            id
            kind
            status
          }
        }
      }
    }
  }
`);

const pageSize = 50;

/** The columns the server sorts by (birth date: the youngest last, ascending by date). */
export const childSortKeys = ['name', 'birthDate'] as const;
export type ChildSortKey = (typeof childSortKeys)[number];
const defaultSort: Sort<ChildSortKey> = { key: 'name', direction: 'asc' };

/** The server's order of a sort. */
export function childOrderOf(sort: Sort<ChildSortKey>): ChildOrder {
  const column = sort.key === 'name' ? 'NAME' : 'BIRTH_DATE';
  return `${column}_${sort.direction === 'asc' ? 'ASC' : 'DESC'}`;
}

/** The address's parameters of the filter (the search is `q`). */
export function childFilterOf(params: URLSearchParams): ChildFilter {
  const filter: ChildFilter = {};
  const search = params.get('q')?.trim();
  if (search) filter.search = search;
  const municipalityId = params.get('municipality');
  if (municipalityId) filter.municipalityId = municipalityId;
  const impairment = oneOf<ImpairmentKind>(params, 'impairment', impairmentKinds);
  if (impairment) filter.impairment = impairment;
  const living = oneOf<LivingArrangement>(params, 'living', livingArrangements);
  if (living) filter.livingArrangement = living;
  const planStatus = oneOf<PlanStatus>(params, 'planStatus', planStatuses);
  if (planStatus) filter.planStatus = planStatus;
  return filter;
}

export function ChildrenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.title'));
  const municipalities = useMunicipalities();
  const [params, update] = useListParams();
  // The search applies as the user types (after a pause), Enter at once; the selects at once.
  const search = useSearchParam('q');
  const filter = useMemo(() => childFilterOf(params), [params]);
  const sort = parseSort(params, childSortKeys, defaultSort) ?? defaultSort;
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    search.flush();
  };
  const onSort = (key: ChildSortKey) => update({ sort: sortValue(nextSort(sort, key), defaultSort) });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('children.title')}</Title>
          <Text mt="xs" maw="48rem">
            {t('children.intro')}
          </Text>
        </div>
        <Button component={Link} to="/children/new">
          {t('children.register')}
        </Button>
      </Group>

      <form role="search" aria-label={t('children.searchLabel')} onSubmit={onSearch}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t('children.search')}
            description={t('lists.searchAsYouType', { hint: t('children.searchHint') })}
            value={search.text}
            onChange={(e) => search.setText(e.currentTarget.value)}
            style={{ flex: '1 1 20rem' }}
          />
          <Button type="submit">{t('children.searchButton')}</Button>
        </Group>
      </form>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <NativeSelect
          label={t('children.filterMunicipality')}
          value={filter.municipalityId ?? ''}
          onChange={(e) => update({ municipality: e.currentTarget.value })}
          data={[{ value: '', label: t('children.any') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <NativeSelect
          label={t('children.filterImpairment')}
          value={filter.impairment ?? ''}
          onChange={(e) => update({ impairment: e.currentTarget.value })}
          data={[{ value: '', label: t('children.any') }, ...impairmentKinds.map((k) => ({ value: k, label: t(`impairment.${k}`) }))]}
        />
        <NativeSelect
          label={t('children.filterLiving')}
          value={filter.livingArrangement ?? ''}
          onChange={(e) => update({ living: e.currentTarget.value })}
          data={[{ value: '', label: t('children.any') }, ...livingArrangements.map((k) => ({ value: k, label: t(`livingArrangement.${k}`) }))]}
        />
        <NativeSelect
          label={t('children.filterPlanStatus')}
          value={filter.planStatus ?? ''}
          onChange={(e) => update({ planStatus: e.currentTarget.value })}
          data={[{ value: '', label: t('children.any') }, ...planStatuses.map((k) => ({ value: k, label: t(`planStatus.${k}`) }))]}
        />
      </SimpleGrid>

      {/* A new filter or sort starts the list afresh. */}
      <ChildrenTable key={JSON.stringify([filter, sort])} filter={filter} sort={sort} onSort={onSort} />
    </Stack>
  );
}

/** The table of one filter's children: its first page, then each page "load more" fetched. */
function ChildrenTable({ filter, sort, onSort }: { filter: ChildFilter; sort: Sort<ChildSortKey>; onSort: (key: ChildSortKey) => void }) {
  const { t } = useTranslation();
  const { nodes: children, total, loaded, fetching, error, loadMore, retry } = usePages({
    query: childrenQuery,
    variables: { filter, orderBy: childOrderOf(sort) },
    connection: (data) => data.children,
    pageSize,
  });

  if (error && !loaded) return <QueryError error={error} onRetry={retry} />;
  if (fetching && !loaded) return <Loading />;
  return (
    <Stack gap="sm">
      {total !== undefined && (
        <Text role="status" fw={500}>
          {t('children.count', { count: total })}
        </Text>
      )}
      {children.length > 0 && (
        <TableScroll label={t('children.tableCaption')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('children.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortHeader sortKey="name" sort={sort} onSort={onSort}>
                  {t('child.name')}
                </SortHeader>
                <Table.Th scope="col">{t('child.personalCode')}</Table.Th>
                <SortHeader sortKey="birthDate" sort={sort} onSort={onSort}>
                  {t('child.birthDate')}
                </SortHeader>
                <Table.Th scope="col">{t('child.municipality')}</Table.Th>
                <Table.Th scope="col">{t('lists.planStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {children.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/children/${encodeURIComponent(c.id)}`}>
                      {childName(c, t('child.pseudonymous'))}
                    </Anchor>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.personalCode ?? '—'}</Table.Td>
                  <Table.Td>{c.birthDate ? formatDate(c.birthDate) : String(c.birthYear)}</Table.Td>
                  <Table.Td lang="lv">{c.municipality.name}</Table.Td>
                  <Table.Td>
                    {c.supportPlans.length === 0 ? (
                      <span>{t('lists.noPlan')}</span>
                    ) : (
                      <Group gap={4} component="span">
                        {c.supportPlans.map((p) => (
                          <Badge key={p.id} variant="outline" color={statusColor(p.status)} component="span" tt="none">
                            {t('lists.planStatusOf', { kind: t(`lists.planKind.${p.kind}`), status: t(`planStatus.${p.status}`) })}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {error && <QueryError error={error} onRetry={retry} />}
      {loadMore && (
        <Group>
          <Button variant="outline" loading={fetching} onClick={loadMore}>
            {t('children.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
