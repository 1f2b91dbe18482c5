import { Button, Checkbox, PasswordInput, Stack, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { passwordLength } from '../../auth/rules';
import { errorMessageKey } from '../../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../../graphql/fieldErrors';
import { useForm, type FieldErrors } from '../../lib/useForm';
import { FormError, FormSuccess } from '../FormAlert';
import { changePasswordMutation } from './tokenQueries';

type PasswordValues = { currentPassword: string; newPassword: string; repeat: string };
const empty: PasswordValues = { currentPassword: '', newPassword: '', repeat: '' };

function check(values: PasswordValues): FieldErrors<keyof PasswordValues> {
  const found: FieldErrors<keyof PasswordValues> = {};
  if (values.currentPassword === '') found.currentPassword = 'profile.currentPasswordMissing';
  const n = [...values.newPassword].length;
  if (n < passwordLength.min || n > passwordLength.max) found.newPassword = fieldErrorKeys.newPassword;
  else if (values.repeat !== values.newPassword) found.repeat = 'profile.repeatMismatch';
  return found;
}

/**
 * The user's own new password, with the current one and the new one repeated. The server ends
 * the user's other sessions; the user may also have every access token revoked.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<CombinedError | null>(null);
  // What the last change did: null before one succeeds.
  const [done, setDone] = useState<null | { tokensRevoked: boolean }>(null);
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [, change] = useMutation(changePasswordMutation);
  const form = useForm<PasswordValues>({
    initial: empty,
    validate: check,
    onAttempt: () => {
      setDone(null);
      setFailure(null);
    },
  });

  const send = async (values: PasswordValues) => {
    const result = await change({
      input: { currentPassword: values.currentPassword, newPassword: values.newPassword, revokeTokens },
    });
    if (result.error) {
      const field = serverFieldError(result.error, ['currentPassword', 'newPassword'] as const);
      if (field) return { [field]: fieldErrorKeys[field] };
      setFailure(result.error);
      return;
    }
    form.setValues(empty);
    setDone({ tokensRevoked: revokeTokens });
    setRevokeTokens(false);
  };

  const set = (field: keyof PasswordValues) => (e: React.ChangeEvent<HTMLInputElement>) => form.set(field, e.currentTarget.value);
  const toggle = { 'aria-label': t('forms.showPassword') };

  return (
    <section aria-labelledby="profile-password">
      <Title order={2} id="profile-password" mb="sm">
        {t('profile.passwordTitle')}
      </Title>
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack gap="md" maw="28rem">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          {done && (
            <FormSuccess message={t(done.tokensRevoked ? 'profile.passwordChangedTokens' : 'profile.passwordChanged')} />
          )}
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            value={form.values.currentPassword}
            name="currentPassword"
            onChange={set('currentPassword')}
            error={form.error('currentPassword')}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('forms.passwordRule', passwordLength)}
            autoComplete="new-password"
            required
            value={form.values.newPassword}
            name="newPassword"
            onChange={set('newPassword')}
            error={form.error('newPassword')}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            value={form.values.repeat}
            name="repeat"
            onChange={set('repeat')}
            error={form.error('repeat')}
            visibilityToggleButtonProps={toggle}
          />
          <Checkbox
            label={t('profile.revokeTokens')}
            description={t('profile.revokeTokensHint')}
            checked={revokeTokens}
            onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
          />
          <div>
            <Button type="submit" loading={form.submitting}>
              {t('profile.changePassword')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
