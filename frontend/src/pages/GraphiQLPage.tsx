// GraphiQL, bundled from npm (the server's CSP and the network allow nothing from a CDN).
// This module is loaded lazily: GraphiQL and its Monaco editor are megabytes that most users
// never need.
import './monacoWorkers'; // first: Monaco looks for its workers as soon as it loads
import 'graphiql/style.css';
import './GraphiQLPage.css';

import { Stack, Text, Title } from '@mantine/core';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { csrfCookie, csrfHeader, readCookie } from '../graphql/client';
import { currentLanguage } from '../i18n';

/**
 * Sends GraphiQL's operations by POST to this server's API, with the session's cookies and
 * its CSRF token, without which the server refuses a signed-in user's mutations. (GraphiQL
 * does not tell whether an operation is a mutation; the header does no harm on a query.)
 */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const csrf = readCookie(csrfCookie);
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...(csrf ? { [csrfHeader]: csrf } : {}),
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

/** The query a first-time visitor finds in the editor, under a translated comment. */
const exampleQuery = '{\n  regions {\n    name\n    nameEn\n  }\n}\n';

export default function GraphiQLPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('graphiql.title'));
  // ?query=... opens GraphiQL with that query, so that a query can be shared as a link.
  const [searchParams] = useSearchParams();
  const initialQuery = searchParams.get('query') ?? undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('graphiql.title')}</Title>
        <Text mt="xs" maw="48rem">
          {t('graphiql.intro')}
        </Text>
      </div>
      {/* GraphiQL's own interface is in English: marked so on a Latvian page (WCAG 3.1.2). */}
      <div lang={currentLanguage(i18n) === 'en' ? undefined : 'en'} style={{ height: 'max(32rem, 75vh)' }}>
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={t('graphiql.defaultQuery') + exampleQuery}
          initialQuery={initialQuery}
          forcedTheme="light"
        />
      </div>
    </Stack>
  );
}
