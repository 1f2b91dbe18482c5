// What a child has used of each cap of the projects paying for its plans, under the rules in
// force today: the limit (or none), what is used in the counted period, and what remains.
import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CapKind, ServiceUnit } from '../../gql/graphql';
import { formatPeriod } from '../../lib/dates';
import { Loading, QueryError } from '../QueryStatus';
import { TableScroll } from '../TableScroll';

export const childUsageQuery = graphql(`
  query ChildUsage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Child {
        id
        usage {
          caps {
            kind
            limit
            used
            remaining
            periodFrom
            periodTo
            project {
              id
              code
              name
            }
          }
        }
      }
    }
  }
`);

/** The unit each cap counts in. */
const capUnit: Record<CapKind, ServiceUnit> = {
  CHILD_SESSIONS: 'SESSION',
  PARENT_SESSIONS: 'SESSION',
  HOME_CARE_HOURS_PER_WEEK: 'HOUR',
  RESPITE_DAYS_PER_YEAR: 'DAY',
};

export function ChildCaps({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: childUsageQuery, variables: { id: childId } });
  const caps = data?.node?.__typename === 'Child' ? data.node.usage.caps : [];

  return (
    <section aria-labelledby="child-caps">
      <Title order={2} id="child-caps" mb="sm">
        {t('caps.title')}
      </Title>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && caps.length === 0 && <Text>{t('caps.empty')}</Text>}
      {caps.length > 0 && (
        <TableScroll label={t('caps.title')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('caps.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('caps.kind')}</Table.Th>
                <Table.Th scope="col">{t('caps.project')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('caps.limit')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('caps.used')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('caps.remaining')}
                </Table.Th>
                <Table.Th scope="col">{t('caps.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {caps.map((c) => {
                const units = (n: number) => t(`unitCount.${capUnit[c.kind]}`, { count: n });
                return (
                  <Table.Tr key={`${c.project.id}:${c.kind}`}>
                    <Table.Th scope="row" fw={500}>
                      {t(`capKind.${c.kind}`)}
                    </Table.Th>
                    <Table.Td lang="lv">{c.project.name}</Table.Td>
                    <Table.Td ta="right">{c.limit === null ? t('projects.noLimit') : units(c.limit)}</Table.Td>
                    <Table.Td ta="right">{units(c.used)}</Table.Td>
                    <Table.Td ta="right">{c.remaining === null ? t('projects.noLimit') : units(c.remaining)}</Table.Td>
                    <Table.Td>{formatPeriod(c.periodFrom, c.periodTo)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
