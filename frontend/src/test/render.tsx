// Renders the app as main.tsx does, but at a given path, in a given language and with a fake
// GraphQL server behind fetch.
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../AppProviders';
import type { ClientHooks } from '../auth/session';
import { createClient } from '../graphql/client';
import { createI18n, type Language } from '../i18n';
import { routes } from '../routes';

/** A GraphQL request as the fake server received it, from a GET URL or a POST body. */
export interface FakeRequest {
  method: string;
  /** The request's headers, with lower-case names. */
  headers: Record<string, string>;
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
}

/**
 * A fetch that answers GraphQL requests with whatever `respond` returns (as a JSON response);
 * if `respond` throws, the request fails as on a broken network. Every request is recorded.
 */
export function fakeFetch(respond: (request: FakeRequest) => unknown) {
  const requests: FakeRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init?.headers));
    let request: FakeRequest;
    if (method === 'GET') {
      const params = new URL(String(input), 'http://localhost').searchParams;
      const json = (name: string) => (params.has(name) ? JSON.parse(params.get(name)!) : undefined);
      request = {
        method,
        headers,
        query: params.get('query') ?? undefined,
        operationName: params.get('operationName') ?? undefined,
        variables: json('variables'),
        extensions: json('extensions'),
      };
    } else {
      request = { method, headers, ...JSON.parse(String(init?.body)) };
    }
    requests.push(request);
    const body = await respond(request);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return Object.assign(fetch as typeof globalThis.fetch, { requests });
}

/** What a fake server's handler answers for an operation: a GraphQL response body. */
type Handler = (variables: Record<string, unknown>, request: FakeRequest) => unknown;

/** What the fake server answers for operations the test gives no handler for. */
const defaultHandlers: Record<string, Handler> = {
  Me: () => ({ data: { me: null } }),
  AuthProviders: () => ({ data: { authProviders: [] } }), // the sign-in page asks; none by default
};

/**
 * A fake GraphQL server that answers by operation name. `Me` answers "nobody signed in" and
 * `AuthProviders` "no identity provider" unless a handler is given; an operation without a
 * handler fails the test loudly.
 */
export function fakeServer(handlers: Record<string, Handler>) {
  return fakeFetch((request) => {
    const name = request.operationName ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(request.query ?? '')?.[1] ?? '';
    const handler = handlers[name] ?? defaultHandlers[name];
    if (!handler) throw new Error(`the fake server has no handler for the operation ${JSON.stringify(name)}`);
    return handler(request.variables ?? {}, request);
  });
}

/** The requests of one operation among those a fake fetch received. */
export function requestsOf(fetch: { requests: FakeRequest[] }, operationName: string): FakeRequest[] {
  return fetch.requests.filter((r) => r.operationName === operationName);
}

export function renderApp(
  path: string,
  { language = 'lv', fetch = fakeFetch(() => ({ data: null })) }: { language?: Language; fetch?: typeof globalThis.fetch } = {},
) {
  const i18n = createI18n(language);
  const makeClient = (hooks: ClientHooks) => createClient({ url: 'http://localhost/graphql', fetch, ...hooks });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders i18n={i18n} makeClient={makeClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, i18n, router };
}
