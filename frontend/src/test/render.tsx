// Renders the app as main.tsx does, but at a given path, in a given language and with a fake
// GraphQL server behind fetch.
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../AppProviders';
import { createClient } from '../graphql/client';
import { createI18n, type Language } from '../i18n';
import { routes } from '../routes';

/** A GraphQL request as the fake server received it, from a GET URL or a POST body. */
export interface FakeRequest {
  method: string;
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
    let request: FakeRequest;
    if (method === 'GET') {
      const params = new URL(String(input), 'http://localhost').searchParams;
      const json = (name: string) => (params.has(name) ? JSON.parse(params.get(name)!) : undefined);
      request = {
        method,
        query: params.get('query') ?? undefined,
        operationName: params.get('operationName') ?? undefined,
        variables: json('variables'),
        extensions: json('extensions'),
      };
    } else {
      request = { method, ...JSON.parse(String(init?.body)) };
    }
    requests.push(request);
    const body = await respond(request);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return Object.assign(fetch as typeof globalThis.fetch, { requests });
}

export function renderApp(
  path: string,
  { language = 'lv', fetch = fakeFetch(() => ({ data: null })) }: { language?: Language; fetch?: typeof globalThis.fetch } = {},
) {
  const i18n = createI18n(language);
  const client = createClient({ url: 'http://localhost/graphql', fetch });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders i18n={i18n} client={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, i18n, router };
}
