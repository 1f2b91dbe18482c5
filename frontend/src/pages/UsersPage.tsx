// User administration (ADMIN): find users, create them, change their role and scope,
// deactivate and reactivate them, and set a new password.
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { roles } from '../auth/roles';
import { passwordLength } from '../auth/rules';
import { useMe } from '../auth/session';
import { FormError, FormSuccess } from '../components/FormAlert';
import { Loading, QueryError } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { emptyUser, scopeInput, UserForm, type UserFormValues } from '../components/UserForm';
import { UserScope } from '../components/UserScope';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDateTime } from '../lib/format';
import { graphql } from '../gql';
import type { Role, UserFilter, UsersQuery } from '../gql/graphql';
import { errorCode, errorMessageKey } from '../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../graphql/fieldErrors';

export const usersQuery = graphql(`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          email
          name
          role
          active
          lastSignInAt
          version
          region {
            id
            name
            nameEn
          }
          municipalities {
            id
            name
          }
          provider {
            id
            name
          }
        }
      }
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        name
      }
    }
  }
`);

export const updateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        name
        role
        version
      }
    }
  }
`);

export const setUserActiveMutation = graphql(`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      user {
        id
        active
        version
      }
    }
  }
`);

export const resetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      user {
        id
      }
    }
  }
`);

type User = UsersQuery['users']['edges'][number]['node'];
type PageInfo = UsersQuery['users']['pageInfo'];

/** Users per page: enough to fill a screen, few enough to answer fast. */
export const pageSize = 25;

// additionalTypenames: a list that is empty now must still be asked again after a user is
// created (urql's document cache refreshes a result only for the types it contains).
const usersContext = { additionalTypenames: ['User'] };

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  // Asks the server once the user stops typing, not for every key.
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const filter = useMemo<UserFilter>(
    () => ({
      ...(debouncedSearch ? { search: debouncedSearch } : {}),
      ...(role ? { role } : {}),
      ...(active ? { active: active === 'true' } : {}),
    }),
    [debouncedSearch, role, active],
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // Bumped to ask every page of the list again (after a CONFLICT the list is out of date).
  const [refresh, setRefresh] = useState(0);

  const done = (message: string) => {
    setDialog(null);
    setActionError(null);
    setNotice(message);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('users.title')}</Title>
          <Text mt="xs">{t('users.intro')}</Text>
        </div>
        <Button
          onClick={() => {
            setNotice(null);
            setDialog({ kind: 'create' });
          }}
        >
          {t('users.create')}
        </Button>
      </Group>

      {notice && <FormSuccess message={notice} />}
      {actionError && <FormError message={actionError} />}

      <div role="search" aria-label={t('users.searchRegion')}>
        <Group gap="md" align="flex-end">
          <TextInput
            label={t('users.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w="18rem"
          />
          <NativeSelect label={t('users.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role | '')}>
            <option value="">{t('users.allRoles')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('users.status')}
            value={active}
            onChange={(e) => setActive(e.currentTarget.value as '' | 'true' | 'false')}
          >
            <option value="">{t('users.allStatuses')}</option>
            <option value="true">{t('users.active')}</option>
            <option value="false">{t('users.inactive')}</option>
          </NativeSelect>
        </Group>
      </div>

      {/* A new filter starts again at the first page. */}
      <UserList
        key={JSON.stringify(filter)}
        filter={filter}
        refresh={refresh}
        onEdit={(user) => {
          setNotice(null);
          setDialog({ kind: 'edit', user });
        }}
        onPassword={(user) => {
          setNotice(null);
          setDialog({ kind: 'password', user });
        }}
        onActiveChanged={(user, nowActive) =>
          done(t(nowActive ? 'users.reactivated' : 'users.deactivated', { name: user.name }))
        }
        onActionError={(message) => {
          setNotice(null);
          setActionError(message);
        }}
      />

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'create'
            ? t('users.createTitle')
            : dialog?.kind === 'edit'
              ? t('users.editTitle', { name: dialog.user.name })
              : dialog?.kind === 'password'
                ? t('users.passwordTitle', { name: dialog.user.name })
                : ''
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        {dialog?.kind === 'create' && (
          <CreateUser onCreated={(name) => done(t('users.created', { name }))} onCancel={() => setDialog(null)} />
        )}
        {dialog?.kind === 'edit' && (
          <EditUser
            user={dialog.user}
            onSaved={(name) => done(t('users.saved', { name }))}
            onConflict={() => setRefresh((n) => n + 1)}
            onCancel={() => setDialog(null)}
          />
        )}
        {dialog?.kind === 'password' && (
          <ResetPassword
            user={dialog.user}
            onDone={() => done(t('users.passwordReset', { name: dialog.user.name }))}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface ListProps {
  filter: UserFilter;
  refresh: number;
  onEdit: (user: User) => void;
  onPassword: (user: User) => void;
  onActiveChanged: (user: User, active: boolean) => void;
  onActionError: (message: string) => void;
}

/**
 * The table of users, page after page: the first page here, each further one ("load more")
 * in a <tbody> of its own that asks for the users after the previous page's last cursor. Every
 * page stays a live query, so that a change (e.g. a deactivation) updates the row wherever it is.
 */
function UserList({ filter, refresh, ...actions }: ListProps) {
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

  return (
    <Stack gap="md">
      <Text role="status">{t('users.found', { count: totalCount })}</Text>
      {totalCount > 0 && (
        <TableScroll label={caption}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.email')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.scope')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edges.map(({ node }) => (
                <UserRow key={node.id} user={node} {...actions} />
              ))}
            </Table.Tbody>
            {cursors.map((after) => (
              <MoreUsers key={after} filter={filter} refresh={refresh} after={after} onPage={onPage} {...actions} />
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

function MoreUsers({
  filter,
  refresh,
  after,
  onPage,
  ...actions
}: ListProps & { after: string; onPage: (after: string, info: PageInfo) => void }) {
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
      {data?.users.edges.map(({ node }) => (
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

/** Asks a page of the list again from the server whenever `refresh` changes (not at first). */
function useRefresh(refresh: number, reexecute: (opts: { requestPolicy: 'network-only' }) => void) {
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
}

type RowActions = Omit<ListProps, 'filter' | 'refresh'>;

function UserRow({ user, onEdit, onPassword, onActiveChanged, onActionError }: { user: User } & RowActions) {
  const { t } = useTranslation();
  const me = useMe();
  const [{ fetching }, setUserActive] = useMutation(setUserActiveMutation);
  const self = me?.id === user.id;

  async function toggleActive() {
    const result = await setUserActive({ input: { id: user.id, active: !user.active } });
    if (result.error) {
      const field = serverFieldError(result.error, ['id'] as const);
      onActionError(field ? t(fieldErrorKeys.id) : t(errorMessageKey(result.error)));
    } else {
      onActiveChanged(user, !user.active);
    }
  }

  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {user.name}
      </Table.Th>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>{t(`role.${user.role}`)}</Table.Td>
      <Table.Td>
        <UserScope user={user} />
      </Table.Td>
      <Table.Td>{user.active ? t('users.active') : t('users.inactive')}</Table.Td>
      <Table.Td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('profile.never')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="outline" aria-label={t('users.editNamed', { name: user.name })} onClick={() => onEdit(user)}>
            {t('users.edit')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            aria-label={t('users.resetPasswordNamed', { name: user.name })}
            onClick={() => onPassword(user)}
          >
            {t('users.resetPassword')}
          </Button>
          {/* One cannot deactivate oneself (the server refuses too): no button for it. */}
          {!self && (
            <Button
              size="xs"
              variant="outline"
              color={user.active ? 'red.9' : undefined}
              loading={fetching}
              aria-label={t(user.active ? 'users.deactivateNamed' : 'users.reactivateNamed', { name: user.name })}
              onClick={() => void toggleActive()}
            >
              {user.active ? t('users.deactivate') : t('users.reactivate')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function CreateUser({ onCreated, onCancel }: { onCreated: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [, createUser] = useMutation(createUserMutation);
  return (
    <UserForm
      mode="create"
      initial={emptyUser}
      submitLabel={t('users.createSubmit')}
      onCancel={onCancel}
      onSubmit={async (values: UserFormValues) => {
        if (values.role === '') return null; // the form checks this before
        const result = await createUser({
          input: { email: values.email, name: values.name, role: values.role, password: values.password, ...scopeInput(values) },
        });
        if (result.error) return result.error;
        onCreated(result.data?.createUser.user.name ?? values.name);
        return null;
      }}
    />
  );
}

function EditUser({
  user,
  onSaved,
  onConflict,
  onCancel,
}: {
  user: User;
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [, updateUser] = useMutation(updateUserMutation);
  const initial: UserFormValues = {
    ...emptyUser,
    email: user.email,
    name: user.name,
    role: user.role,
    regionId: user.region?.id ?? '',
    municipalityIds: user.municipalities.map((m) => m.id),
    providerId: user.provider?.id ?? '',
  };
  return (
    <UserForm
      mode="edit"
      initial={initial}
      submitLabel={t('users.save')}
      onCancel={onCancel}
      onSubmit={async (values) => {
        if (values.role === '') return null;
        // The version read with the list: if someone changed the user since, the server
        // answers CONFLICT instead of overwriting their change.
        const result = await updateUser({
          input: { id: user.id, version: user.version, name: values.name, role: values.role, ...scopeInput(values) },
        });
        if (result.error) {
          if (errorCode(result.error) === 'CONFLICT') onConflict();
          return result.error;
        }
        onSaved(values.name);
        return null;
      }}
    />
  );
}

function ResetPassword({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [{ fetching }, reset] = useMutation(resetUserPasswordMutation);
  const ref = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const n = [...password].length;
    if (n < passwordLength.min || n > passwordLength.max) {
      setFieldError(t(fieldErrorKeys.password));
      ref.current?.focus();
      return;
    }
    setFieldError(null);
    const result = await reset({ input: { id: user.id, password } });
    if (result.error) {
      if (serverFieldError(result.error, ['password'] as const)) {
        setFieldError(t(fieldErrorKeys.password));
        ref.current?.focus();
      } else {
        setFailure(result.error);
      }
      return;
    }
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && <FormError message={t(errorMessageKey(failure))} />}
        <Text>{t('users.passwordText', { name: user.name })}</Text>
        <PasswordInput
          ref={ref}
          label={t('users.newPassword')}
          description={t('forms.passwordRule', passwordLength)}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError}
          visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
        />
        <Group gap="sm">
          <Button type="submit" loading={fetching}>
            {t('users.setPassword')}
          </Button>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
