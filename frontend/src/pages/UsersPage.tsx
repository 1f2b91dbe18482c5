// User administration (ADMIN): find users, create them, change their role and scope,
// deactivate and reactivate them, and set a new password. The search, the filters and the sort
// are kept in the address (q, role, active, sort).
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../auth/roles';
import { FormError, FormSuccess } from '../components/FormAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { CreateUser } from '../components/users/CreateUser';
import { EditUser } from '../components/users/EditUser';
import { ResetPasswordForm } from '../components/users/ResetPasswordForm';
import { UserList, userSortKeys, type UserSortKey } from '../components/users/UserList';
import { nextSort, oneOf, parseSort, sortValue, useListParams, useSearchParam } from '../lib/listState';
import type { User } from '../components/users/userQueries';
import type { Role, UserFilter } from '../gql/graphql';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const [params, update] = useListParams();
  // Asks the server once the user stops typing, not for every key.
  const search = useSearchParam('q');
  const role = oneOf<Role>(params, 'role', roles) ?? '';
  const active = oneOf(params, 'active', ['true', 'false'] as const) ?? '';
  const sort = parseSort(params, userSortKeys, null);
  const onSort = (key: UserSortKey) => update({ sort: sortValue(nextSort(sort, key, key === 'lastSignIn'), null) });
  const filter = useMemo<UserFilter>(
    () => ({
      ...(search.applied ? { search: search.applied } : {}),
      ...(role ? { role } : {}),
      ...(active ? { active: active === 'true' } : {}),
    }),
    [search.applied, role, active],
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
            value={search.text}
            onChange={(e) => search.setText(e.currentTarget.value)}
            w="18rem"
          />
          <NativeSelect label={t('users.role')} value={role} onChange={(e) => update({ role: e.currentTarget.value })}>
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
            onChange={(e) => update({ active: e.currentTarget.value })}
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
        sort={sort}
        onSort={onSort}
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
          <ResetPasswordForm
            user={dialog.user}
            onDone={() => done(t('users.passwordReset', { name: dialog.user.name }))}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
