// The home page: for a signed-in user who works on cases, "My work" (the worklist, loaded with
// its own chunk so that the first load stays small); for a user without case work (an
// analyst), links to the parts they use; for anonymous visitors, what the app is.
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession, worksIn, type Me } from '../auth/session';
import { Loading } from '../components/QueryStatus';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { lazyNamed } from '../lib/lazyNamed';

const WorklistHome = lazyNamed(() => import('./home/WorklistHome'), 'WorklistHome');

export function HomePage() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  useDocumentTitle(me ? t('worklist.title') : t('app.name'));
  if (loading) return <Loading />;
  if (!me) return <PublicHome />;
  if (!worksIn(me, 'cases')) return <OverviewHome me={me} />;
  return <WorklistHome />;
}

/** A user who works on no cases (an analyst): the parts of the app they use. */
function OverviewHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw="48rem">
      <Title order={1}>{t('worklist.title')}</Title>
      <Text>{t('worklist.overviewIntro')}</Text>
      <List>
        {worksIn(me, 'statistics') && (
          <List.Item>
            <Anchor component={Link} to="/statistics">
              {t('worklist.statisticsLink')}
            </Anchor>
          </List.Item>
        )}
        {worksIn(me, 'claims') && (
          <List.Item>
            <Anchor component={Link} to="/claims">
              {t('worklist.claimsLink')}
            </Anchor>
          </List.Item>
        )}
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
      </List>
    </Stack>
  );
}

function PublicHome() {
  const { t } = useTranslation();
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
