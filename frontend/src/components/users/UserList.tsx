import { Button, Stack, Table, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../QueryStatus';
import { TableScroll } from '../TableScroll';
import { SortHeader } from '../SortHeader';
import { sortRows, type Sort } from '../../lib/listState';
import type { ListProps } from './listProps';
import { MoreUsers } from './MoreUsers';
import { useRefresh } from './useRefresh';
import { pageSize, usersContext, usersQuery, type PageInfo } from './userQueries';
import { userSortValue, type UserSortKey } from './userSort';
import { UserRow } from './UserRow';

export { userSortKeys, type UserSortKey } from './userSort';

/**
 * The table of users, page after page: the first page here, each further one ("load more")
 * in a <tbody> of its own that asks for the users after the previous page's last cursor. Every
 * page stays a live query, so that a change (e.g. a deactivation) updates the row wherever it is.
 */
export function UserList({
  filter,
  refresh,
  sort = null,
  onSort,
  ...actions
}: ListProps & { sort?: Sort<UserSortKey> | null; onSort?: (key: UserSortKey) => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: usersQuery,
    variables: { filter, first: pageSize },
    context: useMemo(() => usersContext, []),
  });
  useRefresh(refresh, reexecute);
  const [cursors, setCursors] = useState<string[]>([]);
  const [morePages, setMorePages] = useState<Record<string, PageInfo>>({});
  const onPage = useCallback((after: string, info: PageInfo) => setMorePages((p) => ({ ...p, [after]: info })), []);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { totalCount, edges, pageInfo } = data.users;
  const last = cursors.length === 0 ? pageInfo : morePages[cursors[cursors.length - 1]];
  const caption = t('users.tableCaption');
  const sorted = sortRows(
    edges.map((e) => e.node),
    sort,
    (u, key) => userSortValue(u, key, (r) => t(`role.${r}`)),
  );
  const header = (key: UserSortKey, label: string) =>
    onSort ? (
      <SortHeader sortKey={key} sort={sort} onSort={onSort}>
        {label}
      </SortHeader>
    ) : (
      <Table.Th scope="col">{label}</Table.Th>
    );

  return (
    <Stack gap="md">
      <Text role="status">{t('users.found', { count: totalCount })}</Text>
      {totalCount > 0 && (
        <TableScroll label={caption}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {header('name', t('users.name'))}
                {header('email', t('users.email'))}
                {header('role', t('users.role'))}
                <Table.Th scope="col">{t('users.scope')}</Table.Th>
                {header('status', t('users.status'))}
                {header('lastSignIn', t('users.lastSignIn'))}
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((node) => (
                <UserRow key={node.id} user={node} {...actions} />
              ))}
            </Table.Tbody>
            {cursors.map((after) => (
              <MoreUsers key={after} filter={filter} refresh={refresh} after={after} onPage={onPage} sort={sort} {...actions} />
            ))}
          </Table>
        </TableScroll>
      )}
      {last?.hasNextPage && last.endCursor && (
        <div>
          <Button variant="outline" onClick={() => setCursors((c) => [...c, last.endCursor!])}>
            {t('users.loadMore')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
