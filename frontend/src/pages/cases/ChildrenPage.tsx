// The children the caller may see: search, filters, and a table that grows page by page over
// the Relay connection ("load more").
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryError } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePages } from '../../components/usePages';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { impairmentKinds, livingArrangements, planStatuses } from '../../components/cases/enums';
import { useMunicipalities } from '../../lib/referenceData';
import { formatDate } from '../../lib/format';
import { graphql } from '../../gql';
import type { ChildFilter, ImpairmentKind, LivingArrangement, PlanStatus } from '../../gql/graphql';
import { childName } from './childName';

export const childrenQuery = graphql(`
  query Children($filter: ChildFilter, $first: Int, $after: String) {
    children(filter: $filter, first: $first, after: $after) {
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
        }
      }
    }
  }
`);

const pageSize = 50;

export function ChildrenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.title'));
  const municipalities = useMunicipalities();

  // The search applies when the form is sent (Enter or the button), the selects at once.
  const [searchText, setSearchText] = useState('');
  const [filter, setFilter] = useState<ChildFilter>({});
  const setOne = <K extends keyof ChildFilter>(key: K, value: ChildFilter[K] | '') =>
    setFilter((f) => {
      const next = { ...f };
      if (value === '' || value == null) delete next[key];
      else next[key] = value;
      return next;
    });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setOne('search', searchText.trim());
  };

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
            label={t('children.search')}
            description={t('children.searchHint')}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            style={{ flex: '1 1 20rem' }}
          />
          <Button type="submit">{t('children.searchButton')}</Button>
        </Group>
      </form>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <NativeSelect
          label={t('children.filterMunicipality')}
          value={filter.municipalityId ?? ''}
          onChange={(e) => setOne('municipalityId', e.currentTarget.value)}
          data={[{ value: '', label: t('children.any') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <NativeSelect
          label={t('children.filterImpairment')}
          value={filter.impairment ?? ''}
          onChange={(e) => setOne('impairment', e.currentTarget.value as ImpairmentKind | '')}
          data={[{ value: '', label: t('children.any') }, ...impairmentKinds.map((k) => ({ value: k, label: t(`impairment.${k}`) }))]}
        />
        <NativeSelect
          label={t('children.filterLiving')}
          value={filter.livingArrangement ?? ''}
          onChange={(e) => setOne('livingArrangement', e.currentTarget.value as LivingArrangement | '')}
          data={[{ value: '', label: t('children.any') }, ...livingArrangements.map((k) => ({ value: k, label: t(`livingArrangement.${k}`) }))]}
        />
        <NativeSelect
          label={t('children.filterPlanStatus')}
          value={filter.planStatus ?? ''}
          onChange={(e) => setOne('planStatus', e.currentTarget.value as PlanStatus | '')}
          data={[{ value: '', label: t('children.any') }, ...planStatuses.map((k) => ({ value: k, label: t(`planStatus.${k}`) }))]}
        />
      </SimpleGrid>

      {/* A new filter starts the list afresh. */}
      <ChildrenTable key={JSON.stringify(filter)} filter={filter} />
    </Stack>
  );
}

/** The table of one filter's children: its first page, then each page "load more" fetched. */
function ChildrenTable({ filter }: { filter: ChildFilter }) {
  const { t } = useTranslation();
  const { nodes: children, total, loaded, fetching, error, loadMore, retry } = usePages({
    query: childrenQuery,
    variables: { filter },
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
                <Table.Th scope="col">{t('child.name')}</Table.Th>
                <Table.Th scope="col">{t('child.personalCode')}</Table.Th>
                <Table.Th scope="col">{t('child.birthDate')}</Table.Th>
                <Table.Th scope="col">{t('child.municipality')}</Table.Th>
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
