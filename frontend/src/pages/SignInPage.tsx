// Signing in with email and password. The server sets the session cookie and the CSRF cookie;
// the app then starts over with a fresh client and goes where the user wanted to go.
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { SignInState } from '../auth/guards';
import { useSession } from '../auth/session';
import { FormError } from '../components/FormAlert';
import { Loading } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { graphql } from '../gql';
import { errorCode, errorMessageKey } from '../graphql/errors';

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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, true>>>({});
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [{ fetching }, signIn] = useMutation(signInMutation);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const target = returnPath(location.state);
  const sessionEnded = (location.state as SignInState | null)?.sessionEnded === true;

  if (loading) return <Loading />;
  // Already signed in (e.g. the page was opened from a bookmark): nothing to do here.
  if (me && !fetching) return <Navigate to={target} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const empty: Partial<Record<Field, true>> = {};
    if (email.trim() === '') empty.email = true;
    if (password === '') empty.password = true;
    setMissing(empty);
    setFailure(null);
    if (empty.email || empty.password) {
      (empty.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    const result = await signIn({ input: { email: email.trim(), password } });
    if (result.error) {
      setFailure(result.error);
      setPassword('');
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
      {failure && <FormError title={t('signIn.failed')} message={signInMessage(failure, t)} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            ref={emailRef}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={missing.email ? t('signIn.emailMissing') : undefined}
          />
          <PasswordInput
            ref={passwordRef}
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missing.password ? t('signIn.passwordMissing') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
          />
          <div>
            <Button type="submit" loading={fetching}>
              {t('signIn.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

function signInMessage(error: CombinedError, t: TFunction): string {
  switch (errorCode(error)) {
    case 'UNAUTHENTICATED':
      return t('signIn.wrongCredentials');
    case 'RATE_LIMITED':
      return t('signIn.rateLimited');
    case 'BAD_USER_INPUT':
      return t('signIn.badInput');
    default:
      return t(errorMessageKey(error));
  }
}
