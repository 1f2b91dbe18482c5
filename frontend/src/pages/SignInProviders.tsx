// Signing in through an identity provider (OpenID Connect), offered on the sign-in page when
// the server is configured with one. Signing in there is a full-page navigation: the server
// sends the browser to the provider and back, then to the app, or to /sign-in?error=<code>
// when the sign-in is refused.
import { Button, Divider, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { FormError } from '../components/FormAlert';
import { graphql } from '../gql';

export const authProvidersQuery = graphql(`
  query AuthProviders {
    authProviders {
      name
      startUrl
    }
  }
`);

/** The buttons "Sign in with <provider>"; nothing when the server offers no provider. */
export function SignInProviders({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: authProvidersQuery });
  const providers = data?.authProviders ?? [];
  if (providers.length === 0) return null;
  return (
    <Stack gap="md">
      <Divider label={t('signInProvider.or')} labelPosition="center" />
      {providers.map((p) => (
        // A link, not a button with a handler: it works from the keyboard and without script
        // state, and the browser leaves the app for the provider's page.
        <Button
          key={p.name}
          component="a"
          variant="outline"
          href={returnTo === '/' ? p.startUrl : `${p.startUrl}?return=${encodeURIComponent(returnTo)}`}
        >
          {t('signInProvider.button', { name: p.name })}
        </Button>
      ))}
    </Stack>
  );
}

/** The codes the server sends a refused sign-in back with, each with its own message. */
const providerCodes = [
  'OIDC_NO_ACCOUNT',
  'OIDC_EMAIL_UNVERIFIED',
  'OIDC_MFA_REQUIRED',
  'OIDC_STATE',
  'OIDC_DENIED',
  'OIDC_INVALID',
  'OIDC_UNAVAILABLE',
] as const;
type ProviderCode = (typeof providerCodes)[number];

/** The message of a refused sign-in through the provider; null when code is none of its codes. */
export function providerErrorMessage(code: string | null, t: TFunction): string | null {
  if (code === null || !code.startsWith('OIDC_')) return null;
  if ((providerCodes as readonly string[]).includes(code)) {
    return t(`signInProvider.errors.${code as ProviderCode}`);
  }
  return t('signInProvider.errors.unknown');
}

/** The alert of a refused sign-in through the provider (the page's ?error=), if any. */
export function SignInProviderError({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const message = providerErrorMessage(code, t);
  return message === null ? null : <FormError title={t('signIn.failed')} message={message} />;
}
