// Signing in with email and password. The server sets the session cookie and the CSRF cookie;
// the app then starts over with a fresh client and goes where the user wanted to go.
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import type { SignInState } from '../auth/guards';
import { useSession } from '../auth/session';
import { FormError } from '../components/FormAlert';
import { Loading } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useForm } from '../lib/useForm';
import { graphql } from '../gql';
import { errorCode, errorMessageKey } from '../graphql/errors';
import { SignInProviderError, SignInProviders } from './SignInProviders';

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
    }
  }
`);

/**
 * Where to go after signing in: the page that sent the user here, if it is a path of this app
 * (never another site: "//host" is a URL of another host), else the home page.
 */
export function returnPath(state: unknown): string {
  const from = (state as SignInState | null)?.from;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in')) {
    return from;
  }
  return '/';
}

type Field = 'email' | 'password';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const { me, loading, restart } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [{ fetching }, signIn] = useMutation(signInMutation);
  const form = useForm<Record<Field, string>>({
    initial: { email: '', password: '' },
    validate: ({ email, password }) => ({
      ...(email.trim() === '' ? { email: 'signIn.emailMissing' as const } : {}),
      ...(password === '' ? { password: 'signIn.passwordMissing' as const } : {}),
    }),
    onAttempt: () => setFailure(null),
  });
  const passwordRef = useRef<HTMLInputElement>(null);
  const target = returnPath(location.state);
  const sessionEnded = (location.state as SignInState | null)?.sessionEnded === true;
  const [params] = useSearchParams(); // ?error=<code>: a sign-in through the provider was refused

  if (loading) return <Loading />;
  // Already signed in (e.g. the page was opened from a bookmark): nothing to do here.
  if (me && !fetching) return <Navigate to={target} replace />;

  async function submit({ email, password }: Record<Field, string>) {
    const result = await signIn({ input: { email: email.trim(), password } });
    if (result.error) {
      setFailure(result.error);
      form.set('password', '');
      passwordRef.current?.focus();
      return;
    }
    restart();
    void navigate(target, { replace: true });
  }

  return (
    <Stack gap="lg" maw="28rem">
      <div>
        <Title order={1}>{t('signIn.title')}</Title>
        <Text mt="xs">{t('signIn.intro')}</Text>
      </div>
      {sessionEnded && !failure && (
        <Alert role="alert" color="blue.9" variant="outline" title={t('signIn.sessionEndedTitle')}>
          <Text>{t('signIn.sessionEnded')}</Text>
        </Alert>
      )}
      {!failure && <SignInProviderError code={params.get('error')} />}
      {failure && <FormError title={t('signIn.failed')} message={signInMessage(failure, t)} />}
      <form ref={form.formRef} onSubmit={form.handleSubmit(submit)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={form.error('email')}
          />
          <PasswordInput
            ref={passwordRef}
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={form.error('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
          />
          <div>
            <Button type="submit" loading={fetching}>
              {t('signIn.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <SignInProviders returnTo={target} />
    </Stack>
  );
}

function signInMessage(error: CombinedError, t: TFunction): string {
  switch (errorCode(error)) {
    case 'UNAUTHENTICATED':
      return t('signIn.wrongCredentials');
    case 'RATE_LIMITED':
      return rateLimitedMessage(error, t);
    case 'BAD_USER_INPUT':
      return t('signIn.badInput');
    default:
      return t(errorMessageKey(error));
  }
}

/**
 * How long to wait before the next sign-in, in words: the server's extensions.retryAfter
 * (seconds), in minutes from a minute on (rounded up, so nobody tries too early).
 */
function rateLimitedMessage(error: CombinedError, t: TFunction): string {
  const seconds = error.graphQLErrors.map((e) => e.extensions?.retryAfter).find((s) => typeof s === 'number');
  if (typeof seconds !== 'number' || seconds <= 0) return t('signIn.rateLimited');
  if (seconds < 60) return t('signIn.rateLimitedSeconds', { count: Math.ceil(seconds) });
  return t('signIn.rateLimitedMinutes', { count: Math.ceil(seconds / 60) });
}
