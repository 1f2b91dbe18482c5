// Who is signed in. The session itself is an HttpOnly cookie the SPA cannot read: the server
// tells who it belongs to through `me`, asked once here and shared by every component.
import type { CombinedError } from '@urql/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider, useQuery, type Client } from 'urql';
import { graphql } from '../gql';
import type { MeQuery, Role } from '../gql/graphql';

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
  /** Asks `me` again. */
  retry: () => void;
  /**
   * Starts over with a fresh GraphQL client after signing in or out: its cache is empty, so
   * nothing one user loaded is shown to the next, and `me` is asked anew.
   */
  restart: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Provides the GraphQL client and the session. `makeClient` is called at start and again on
 * every restart (sign-in, sign-out).
 */
export function SessionProvider({ makeClient, children }: { makeClient: () => Client; children: ReactNode }) {
  const [session, setSession] = useState(() => ({ client: makeClient(), generation: 0 }));
  const restart = useCallback(() => setSession((s) => ({ client: makeClient(), generation: s.generation + 1 })), [makeClient]);
  // The key makes a restart render everything anew: urql would otherwise keep showing the
  // previous user's `me` (and pages their data) until the new client's answers come.
  return (
    <UrqlProvider value={session.client}>
      <MeLoader key={session.generation} restart={restart}>
        {children}
      </MeLoader>
    </UrqlProvider>
  );
}

function MeLoader({ restart, children }: { restart: () => void; children: ReactNode }) {
  // additionalTypenames: while nobody is signed in the answer holds no User, yet a later
  // change of a User (signing in, changing one's name) must make it be asked again.
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: meQuery, context });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const session = useMemo<Session>(
    () => ({
      me: data?.me ?? null,
      loading: fetching && !data && !error,
      error: data ? null : (error ?? null),
      retry,
      restart,
    }),
    [data, fetching, error, retry, restart],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
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

/** What each role may open, in one place for the navigation and the route guards. */
export const access = {
  users: ['ADMIN'],
  // Case work: analysts get pseudonymous figures over the API, not the case pages (the
  // server refuses them names and searches by personal data).
  cases: ['ADMIN', 'REGION_COORDINATOR', 'MUNICIPALITY_WORKER', 'ASSESSOR', 'PROVIDER_SPECIALIST'],
} as const satisfies Record<string, readonly Role[]>;

export function may(me: Me | null, area: keyof typeof access): boolean {
  return me !== null && (access[area] as readonly Role[]).includes(me.role);
}
