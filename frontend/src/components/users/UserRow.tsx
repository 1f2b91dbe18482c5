import { Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { errorMessageKey } from '../../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../../graphql/fieldErrors';
import { formatDateTime } from '../../lib/format';
import { UserScope } from '../UserScope';
import { useConfirm } from '../ConfirmDialog';
import type { RowActions } from './listProps';
import { setUserActiveMutation, type User } from './userQueries';

/** A user in the list, with the buttons to change them. */
export function UserRow({ user, onEdit, onPassword, onActiveChanged, onActionError }: { user: User } & RowActions) {
  const { t } = useTranslation();
  const [{ fetching }, setUserActive] = useMutation(setUserActiveMutation);
  const can = user.viewerCan;
  // Reactivating is changing the user, as editing is; deactivating has its own answer, as
  // nobody deactivates themself.
  const mayToggle = user.active ? can.deactivate : can.edit;
  const confirm = useConfirm();

  async function toggleActive() {
    // Deactivating signs the user out at once: asked first. Reactivating undoes nothing.
    if (
      user.active &&
      !(await confirm.ask({
        title: t('confirm.deactivateTitle', { name: user.name }),
        text: t('confirm.deactivateText', { name: user.name }),
        confirmLabel: t('confirm.deactivateConfirm'),
        danger: true,
      }))
    )
      return;
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
          {can.edit && (
            <Button size="xs" variant="outline" aria-label={t('users.editNamed', { name: user.name })} onClick={() => onEdit(user)}>
              {t('users.edit')}
            </Button>
          )}
          {can.resetPassword && (
            <Button
              size="xs"
              variant="outline"
              aria-label={t('users.resetPasswordNamed', { name: user.name })}
              onClick={() => onPassword(user)}
            >
              {t('users.resetPassword')}
            </Button>
          )}
          {mayToggle && (
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
        {confirm.dialog}
      </Table.Td>
    </Table.Tr>
  );
}
