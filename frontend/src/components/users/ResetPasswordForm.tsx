import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { passwordLength } from '../../auth/rules';
import { errorMessageKey } from '../../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../../graphql/fieldErrors';
import { useForm } from '../../lib/useForm';
import { FormError } from '../FormAlert';
import { resetUserPasswordMutation, type User } from './userQueries';

/** Sets a new password for a user (who then signs in with it). */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [, reset] = useMutation(resetUserPasswordMutation);
  const form = useForm({
    initial: { password: '' },
    validate: ({ password }) => {
      const n = [...password].length;
      return n < passwordLength.min || n > passwordLength.max ? { password: fieldErrorKeys.password } : {};
    },
    onAttempt: () => setFailure(null),
  });

  const send = async ({ password }: { password: string }) => {
    const result = await reset({ input: { id: user.id, password } });
    if (result.error) {
      if (serverFieldError(result.error, ['password'] as const)) return { password: fieldErrorKeys.password };
      setFailure(result.error);
      return;
    }
    onDone();
  };

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack gap="md">
        {failure && <FormError message={t(errorMessageKey(failure))} />}
        <Text>{t('users.passwordText', { name: user.name })}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('forms.passwordRule', passwordLength)}
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(e) => form.set('password', e.currentTarget.value)}
          error={form.error('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
        />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
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
