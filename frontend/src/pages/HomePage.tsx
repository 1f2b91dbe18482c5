import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.name'));
  return (
    <Stack gap="md" maw="48rem">
      <Title order={1}>{t('home.title')}</Title>
      <Text size="lg">{t('home.intro')}</Text>
      <Text>{t('home.explore')}</Text>
      <List>
        <List.Item>
          <Anchor component={Link} to="/regions">
            {t('home.regionsLink')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/services">
            {t('home.servicesLink')}
          </Anchor>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/graphiql">
            {t('home.graphiqlLink')}
          </Anchor>
        </List.Item>
      </List>
    </Stack>
  );
}
