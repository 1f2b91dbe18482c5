import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { emptyUser, scopeInput, UserForm, type UserFormValues } from './UserForm';
import { createUserMutation } from './userQueries';

/** The user form for a new user. */
export function CreateUser({ onCreated, onCancel }: { onCreated: (name: string) => void; onCancel: () => void }) {
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
