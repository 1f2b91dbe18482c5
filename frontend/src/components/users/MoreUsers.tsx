import { Table } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../QueryStatus';
import { sortRows, type Sort } from '../../lib/listState';
import type { ListProps } from './listProps';
import { useRefresh } from './useRefresh';
import { pageSize, usersContext, usersQuery, type PageInfo } from './userQueries';
import { userSortValue, type UserSortKey } from './userSort';
import { UserRow } from './UserRow';

/** A further page of the list: the users after `after`, in a <tbody> of its own. */
export function MoreUsers({
  filter,
  refresh,
  after,
  onPage,
  sort = null,
  ...actions
}: ListProps & { after: string; onPage: (after: string, info: PageInfo) => void; sort?: Sort<UserSortKey> | null }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: usersQuery,
    variables: { filter, first: pageSize, after },
    context: useMemo(() => usersContext, []),
  });
  useRefresh(refresh, reexecute);
  const info = data?.users.pageInfo;
  useEffect(() => {
    if (info) onPage(after, info);
  }, [info, after, onPage]);

  const status = (fetching && !data) || (error && !data);
  return (
    <Table.Tbody>
      {status && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            {error ? (
              <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
            ) : (
              <Loading />
            )}
          </Table.Td>
        </Table.Tr>
      )}
      {/* A further page is sorted within itself: the list sorts what it has loaded. */}
      {sortRows(
        data?.users.edges.map((e) => e.node) ?? [],
        sort,
        (u, key) => userSortValue(u, key, (r) => t(`role.${r}`)),
      ).map((node) => (
        <UserRow key={node.id} user={node} {...actions} />
      ))}
      {data && data.users.edges.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={7}>{t('users.noMore')}</Table.Td>
        </Table.Tr>
      )}
    </Table.Tbody>
  );
}
