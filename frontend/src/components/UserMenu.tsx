// The header's account area: who is signed in (name and role) with a sign-out button, or a
// sign-in link.
import { Anchor, Button, Text } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { recordsOffline, useSession } from '../auth/session';
import { graphql } from '../gql';
import { lazyNamed } from '../lib/lazyNamed';
import { forgetUser, unsentCount } from '../lib/offline/store';
import classes from './Layout.module.css';

export const signOutMutation = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

// Asked only when entries wait to be sent: loaded then, not with the shell.
const ConfirmDialog = lazyNamed(() => import('./ConfirmDialog'), 'ConfirmDialog');

export function UserMenu() {
  const { t } = useTranslation();
  const { me: signedIn, offlineUser, loading, restart } = useSession();
  // Without a connection, the user whose offline sessions the device shows.
  const me = signedIn ?? offlineUser;
  const navigate = useNavigate();
  const [{ fetching }, signOut] = useMutation(signOutMutation);
  // The entries that would be lost by signing out (they are deleted with the user's data).
  const [unsent, setUnsent] = useState<number | null>(null);

  if (loading) return null;
  if (!me) {
    return (
      <Anchor component={Link} to="/sign-in" className={classes.account} fw={500}>
        {t('account.signIn')}
      </Anchor>
    );
  }

  /** Signs out, after asking when entries recorded offline have not been sent yet. */
  async function askThenSignOut() {
    if (!me) return;
    const waiting = recordsOffline(me) ? await unsentCount(me.id).catch(() => 0) : 0;
    if (waiting > 0) setUnsent(waiting);
    else await signOutNow();
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
      <Button variant="outline" size="sm" onClick={() => void askThenSignOut()} loading={fetching}>
        {t('account.signOut')}
      </Button>
      {unsent !== null && (
        <Suspense fallback={null}>
          <ConfirmDialog
            opened
            danger
            title={t('account.unsentTitle')}
            text={t('account.unsentText', { count: unsent })}
            confirmLabel={t('account.signOutAnyway')}
            onConfirm={() => {
              setUnsent(null);
              void signOutNow();
            }}
            onCancel={() => setUnsent(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
