import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../components/useDocumentTitle';

/**
 * A page the signed-in user's role may not use, opened by its address. The page itself is not
 * rendered (nor its data asked for): the server would refuse it anyway.
 */
export function NoAccessPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('noAccess.title'));
  return (
    <Stack gap="md" maw="48rem">
      <Title order={1}>{t('noAccess.title')}</Title>
      <Text>{me ? t('noAccess.text', { role: t(`role.${me.role}`) }) : t('noAccess.textAnonymous')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
