// The header's account area: who is signed in (name and role) with a sign-out button, or a
// sign-in link.
import { Anchor, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../auth/session';
import { graphql } from '../gql';
import { forgetUser } from '../lib/offline/store';
import classes from './Layout.module.css';

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

export function UserMenu() {
  const { t } = useTranslation();
  const { me: signedIn, offlineUser, loading, restart } = useSession();
  // Without a connection, the user whose offline sessions the device shows.
  const me = signedIn ?? offlineUser;
  const navigate = useNavigate();
  const [{ fetching }, signOut] = useMutation(signOutMutation);

  if (loading) return null;
  if (!me) {
    return (
      <Anchor component={Link} to="/sign-in" className={classes.account} fw={500}>
        {t('account.signIn')}
      </Anchor>
    );
  }

  async function signOutNow() {
    if (!me) return;
    await signOut({});
    // The user's offline package and entries are personal data: they leave the device with
    // the user (also without a connection, when the server could not be told).
    await forgetUser(me.id).catch(() => undefined);
    // Whatever the answer, start over: `me` then shows whether the session really ended, and
    // nothing loaded for this user stays in the cache. Restarting first, so that the sign-in
    // page does not see the old `me` and send the user straight on.
    restart();
    void navigate('/sign-in');
  }

  return (
    <div className={classes.account}>
      <div>
        <Text fw={600} size="sm" lh={1.3}>
          {me.name}
        </Text>
        <Text size="sm" c="dimmed" lh={1.3}>
          {t(`role.${me.role}`)}
          {!signedIn && ` · ${t('account.offline')}`}
        </Text>
      </div>
      <Button variant="outline" size="sm" onClick={() => void signOutNow()} loading={fetching}>
        {t('account.signOut')}
      </Button>
    </div>
  );
}
