// Route guards: a page that needs a signed-in user sends everyone else to the sign-in page
// (and back after signing in); a page a role may not use says so instead of showing itself.
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading, QueryError } from '../components/QueryStatus';
import { NoAccessPage } from '../pages/NoAccessPage';
import { recordsOffline, useSession, worksIn, type WorkArea } from './session';

/** The place to return to after signing in, kept in the router's state of /sign-in. */
export interface SignInState {
  from?: string;
  /** Set when the user was sent here because their session ended: the page says so. */
  sessionEnded?: boolean;
}

/**
 * In the shell: when the session has ended under the user's hands (the server answered
 * UNAUTHENTICATED to a signed-in user), goes to the sign-in page, which says why, and back to
 * this page after signing in again.
 */
export function useSessionEndedRedirect() {
  const { ended, acknowledgeEnded } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!ended) return;
    if (location.pathname === '/sign-in') {
      acknowledgeEnded(); // arrived: from now on the sign-in page is an ordinary page
      return;
    }
    const state: SignInState = { from: location.pathname + location.search + location.hash, sessionEnded: true };
    void navigate('/sign-in', { replace: true, state });
  }, [ended, acknowledgeEnded, location, navigate]);
}

export function RequireSignedIn() {
  const { me, loading, error, retry, ended } = useSession();
  const location = useLocation();
  // A session that has just ended: useSessionEndedRedirect is on its way to the sign-in page
  // with the reason; a redirect of its own here would race it.
  if (loading || ended) return <Loading />;
  if (error) return <QueryError error={error} onRetry={retry} />;
  if (!me) {
    const state: SignInState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <Outlet />;
}

/** Inside RequireSignedIn: shows the pages of `area` only to those who work in it. */
export function RequireAccess({ area }: { area: WorkArea }) {
  const { me } = useSession();
  return worksIn(me, area) ? <Outlet /> : <NoAccessPage />;
}

/**
 * The offline sessions page: for a signed-in user who records sessions offline, and, when the
 * server cannot be reached (no connection), for the last such user of this device, from what
 * the device holds. Anyone else is sent to sign in, or told they have no access.
 */
export function RequireOfflineUser() {
  const { me, offlineUser, loading, error, retry, ended } = useSession();
  const location = useLocation();
  if (loading || ended) return <Loading />;
  const user = me ?? offlineUser;
  if (!user) {
    if (error) return <QueryError error={error} onRetry={retry} />;
    const state: SignInState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return recordsOffline(user) ? <Outlet /> : <NoAccessPage />;
}
