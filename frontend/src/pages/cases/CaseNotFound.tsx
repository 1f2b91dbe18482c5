// "Not found" for a case record: one that does not exist and one the caller may not see look
// the same, so that the page does not tell which children exist elsewhere.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';

export function CaseNotFound({ kind }: { kind: 'child' | 'plan' }) {
  const { t } = useTranslation();
  const title = kind === 'child' ? t('child.notFoundTitle') : t('plan.notFoundTitle');
  useDocumentTitle(title);
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('child.notFoundText')}</Text>
      <Anchor component={Link} to="/children">
        {t('children.backToList')}
      </Anchor>
    </Stack>
  );
}
