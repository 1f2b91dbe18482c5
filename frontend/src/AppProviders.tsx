// Everything a page needs around it: theme, translations and the GraphQL client. Shared by the
// app and the tests, so that tests render pages exactly as the app does.
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider, type Client } from 'urql';
import { cssVariablesResolver, theme } from './theme';

export function AppProviders({ i18n, client, children }: { i18n: I18n; client: Client; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
