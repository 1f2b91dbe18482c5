// Messages at the top of a form: an error that belongs to no single field, or a success.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An error of a whole form, announced at once (role="alert"). */
export function FormError({ message, title }: { message: string; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="red" variant="outline" title={title ?? t('forms.errorTitle')}>
      <Text>{message}</Text>
    </Alert>
  );
}

/** A success, announced politely (role="status"). */
export function FormSuccess({ message }: { message: string }) {
  return (
    <Alert role="status" color="teal.9" variant="outline">
      <Text>{message}</Text>
    </Alert>
  );
}
