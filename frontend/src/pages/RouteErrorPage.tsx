import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

/**
 * Shown instead of a page that failed to render, or whose code failed to load (a lazily
 * loaded page after a new release replaced its file: reloading then fetches the new one).
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('routeError.title'));
  useEffect(() => {
    console.error(error); // for the developer tools; the user gets the translated text
  }, [error]);
  return (
    <Stack gap="md" role="alert">
      <Title order={1}>{t('routeError.title')}</Title>
      <Text>{t('routeError.text')}</Text>
      <div>
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </div>
    </Stack>
  );
}
