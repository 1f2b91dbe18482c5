// Everything a page needs around it: theme, translations, the GraphQL client and the session.
// Shared by the app and the tests, so that tests render pages exactly as the app does.
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Client } from 'urql';
import { SessionProvider, type ClientHooks } from './auth/session';
import { cssVariablesResolver, theme } from './theme';

/**
 * `makeClient` makes a GraphQL client; it is called again on every sign-in and sign-out, so
 * that each session starts with an empty cache.
 */
export function AppProviders({ i18n, makeClient, children }: { i18n: I18n; makeClient: (hooks: ClientHooks) => Client; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <SessionProvider makeClient={makeClient}>{children}</SessionProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
