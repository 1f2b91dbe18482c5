// The signed-in user's own page: their data, a new password, and access tokens for scripts
// (personal) and mobile clients (app tokens).
import { Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ApiTokens } from '../components/profile/ApiTokens';
import { ChangePasswordForm } from '../components/profile/ChangePasswordForm';
import { ProfileData } from '../components/profile/ProfileData';
import { Loading, QueryError } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { graphql } from '../gql';

export const profileQuery = graphql(`
  query Profile {
    me {
      id
      name
      email
      role
      createdAt
      lastSignInAt
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
      apiTokens {
        id
        name
        kind
        prefix
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  // additionalTypenames: a first token must refresh the list even while it holds no token yet.
  const context = useMemo(() => ({ additionalTypenames: ['ApiToken'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: profileQuery, context });
  const me = data?.me;

  return (
    <Stack gap="xl">
      <Title order={1}>{t('profile.title')}</Title>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {me && (
        <>
          <ProfileData me={me} />
          <ChangePasswordForm />
          <ApiTokens tokens={me.apiTokens} />
        </>
      )}
    </Stack>
  );
}
