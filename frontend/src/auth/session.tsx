// Who is signed in. The session itself is an HttpOnly cookie the SPA cannot read: the server
// tells who it belongs to through `me`, asked once here and shared by every component.
import type { CombinedError } from '@urql/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, useQuery, type Client } from 'urql';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { lastUser, rememberUser } from '../lib/offline/store';

export const meQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      region {
        id
        name
        nameEn
      }
      municipalities {
        id
        name
      }
      provider {
        id
        name
      }
      workAreas {
        users
        cases
        verifyDeliveries
        claims
        prepareClaims
        statistics
        manageProjects
        offlineSessions
      }
    }
  }
`);

export type Me = NonNullable<MeQuery['me']>;

interface Session {
  /** The signed-in user; null when nobody is signed in or while that is not known yet. */
  me: Me | null;
  /** True until the first answer to `me` has come. */
  loading: boolean;
  /** Why `me` could not be asked (e.g. the server is unreachable); null otherwise. */
  error: CombinedError | null;
  /**
   * When `me` could not be asked because the server is unreachable (no connection), the user
   * whose offline data this device holds (the last to sign in with a role that records
   * sessions offline); null otherwise. Only the offline sessions page uses it (see
   * RequireOfflineUser): every other page still needs `me`.
   */
  offlineUser: Me | null;
  /** Asks `me` again. */
  retry: () => void;
  /**
   * Starts over with a fresh GraphQL client after signing in or out: its cache is empty, so
   * nothing one user loaded is shown to the next, and `me` is asked anew.
   */
  restart: () => void;
  /**
   * True when the session ended under the user's hands: the server answered UNAUTHENTICATED
   * while someone was signed in. The app has then started over without the user; the shell
   * (useSessionEndedRedirect) goes to the sign-in page, and calls acknowledgeEnded once there.
   */
  ended: boolean;
  acknowledgeEnded: () => void;
}

/** What the session asks of each GraphQL client it makes. */
export interface ClientHooks {
  /** To be called when the server answers UNAUTHENTICATED (except for signIn). */
  onUnauthenticated: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Provides the GraphQL client and the session. `makeClient` is called at start and again on
 * every restart (sign-in, sign-out, a session that ended).
 */
export function SessionProvider({ makeClient, children }: { makeClient: (hooks: ClientHooks) => Client; children: ReactNode }) {
  // Whether the current generation's `me` names someone: only then does an UNAUTHENTICATED
  // answer mean that their session ended (anonymous pages and the sign-in form get it too).
  const signedIn = useRef(false);
  const generation = useRef(0);
  const [ended, setEnded] = useState(false);
  const acknowledgeEnded = useCallback(() => setEnded(false), []);
  const [session, setSession] = useState(() => ({ client: makeClient(hooksFor(0)), generation: 0 }));

  function hooksFor(gen: number): ClientHooks {
    return {
      onUnauthenticated: () => {
        // A late answer to a previous client's request says nothing about this session.
        if (gen !== generation.current || !signedIn.current) return;
        signedIn.current = false;
        setEnded(true);
        restartRef.current();
      },
    };
  }
  const restartRef = useRef<() => void>(() => {});
  const restart = useCallback(() => {
    signedIn.current = false;
    const gen = ++generation.current;
    setSession({ client: makeClient(hooksFor(gen)), generation: gen });
    // hooksFor only reads refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [makeClient]);
  restartRef.current = restart;
  const setSignedIn = useCallback((yes: boolean) => {
    signedIn.current = yes;
  }, []);

  // The key makes a restart render everything anew: urql would otherwise keep showing the
  // previous user's `me` (and pages their data) until the new client's answers come.
  return (
    <UrqlProvider value={session.client}>
      <MeLoader key={session.generation} restart={restart} ended={ended} acknowledgeEnded={acknowledgeEnded} setSignedIn={setSignedIn}>
        {children}
      </MeLoader>
    </UrqlProvider>
  );
}

function MeLoader({
  restart,
  ended,
  acknowledgeEnded,
  setSignedIn,
  children,
}: {
  restart: () => void;
  ended: boolean;
  acknowledgeEnded: () => void;
  setSignedIn: (yes: boolean) => void;
  children: ReactNode;
}) {
  // additionalTypenames: while nobody is signed in the answer holds no User, yet a later
  // change of a User (signing in, changing one's name) must make it be asked again.
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: meQuery, context });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const me = data?.me ?? null;
  useEffect(() => setSignedIn(me !== null), [me, setSignedIn]);
  // A user who records sessions offline is remembered on the device, to open their sessions
  // when the app starts without a connection (and to delete another user's data).
  useEffect(() => {
    if (me && recordsOffline(me)) rememberUser(me).catch(() => undefined);
  }, [me]);
  const unreachable = !data && error?.networkError !== undefined && error.graphQLErrors.length === 0;
  const offline = useOfflineUser(unreachable);
  // Asked again as soon as the connection returns, and every 15 s meanwhile: the browser's
  // `online` event does not come when the network was up but the server unreachable.
  useEffect(() => {
    if (!unreachable) return;
    const again = () => retry();
    window.addEventListener('online', again);
    const timer = window.setInterval(again, 15_000);
    return () => {
      window.removeEventListener('online', again);
      window.clearInterval(timer);
    };
  }, [unreachable, retry]);
  const session = useMemo<Session>(
    () => ({
      me,
      offlineUser: offline.user,
      loading: (fetching && !data && !error) || offline.looking,
      error: data ? null : (error ?? null),
      retry,
      restart,
      ended,
      acknowledgeEnded,
    }),
    [me, offline.user, offline.looking, data, fetching, error, retry, restart, ended, acknowledgeEnded],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/**
 * While the server is unreachable, the last user the device holds offline data for (from
 * IndexedDB); `looking` while that is being read.
 */
function useOfflineUser(unreachable: boolean): { user: Me | null; looking: boolean } {
  const [found, setFound] = useState<{ user: Me | null } | null>(null);
  useEffect(() => {
    if (!unreachable) return;
    let live = true;
    lastUser()
      .catch(() => null)
      .then((user) => live && setFound({ user }));
    return () => {
      live = false;
      setFound(null);
    };
  }, [unreachable]);
  if (!unreachable) return { user: null, looking: false };
  return { user: found?.user ?? null, looking: found === null };
}

/**
 * Whether the user records sessions in the field and may keep them offline: the server says so
 * (me.workAreas.offlineSessions, the roles it gives the offline package to), also for the
 * device's last user remembered with it when there is no connection.
 */
export function recordsOffline(me: Me | null): boolean {
  return worksIn(me, 'offlineSessions');
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, or null. */
export function useMe(): Me | null {
  return useSession().me;
}

/** A part of the app: the case pages, the users, the verification queue, the claims. */
export type WorkArea = Exclude<keyof Me['workAreas'], '__typename'>;

/**
 * Does the signed-in user work in this part of the app? The server decides by its own rules
 * (me.workAreas), for the navigation and the route guards alike.
 */
export function worksIn(me: Me | null, area: WorkArea): boolean {
  return me?.workAreas[area] ?? false;
}

