// What a page shows while its data loads or when loading failed.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../graphql/errors';

type LoadingKey = 'status.loading' | 'status.loadingPage' | 'graphiql.loading';

/** A loading indicator that screen readers announce (role="status" is a polite live region). */
export function Loading({ labelKey = 'status.loading' }: { labelKey?: LoadingKey }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" my="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{t(labelKey)}</Text>
    </Group>
  );
}

/** A failed query: a translated message chosen by the error's code, and a way to retry. */
export function QueryError({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="red" variant="outline" title={t('errors.title')} my="md">
      <Text>{t(errorMessageKey(error))}</Text>
      {onRetry && (
        <Button mt="sm" variant="outline" color="red.9" onClick={onRetry}>
          {t('status.retry')}
        </Button>
      )}
    </Alert>
  );
}
