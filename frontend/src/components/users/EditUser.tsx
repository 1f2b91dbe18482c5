import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { errorCode } from '../../graphql/errors';
import { emptyUser, scopeInput, UserForm, type UserFormValues } from './UserForm';
import { updateUserMutation, type User } from './userQueries';

/** The user form for changing a user's name, role and scope. */
export function EditUser({
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
