// The GraphQL client of the SPA.
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

export interface ClientOptions {
  /** The GraphQL endpoint; the SPA is served by the same server as the API. */
  url?: string;
  /** A fetch implementation; tests pass one that answers without a server. */
  fetch?: typeof fetch;
}

/**
 * Creates the urql client: a document cache, then automatic persisted queries, then fetch.
 *
 * With persisted queries a query is first sent as its SHA-256 hash only, as a GET request;
 * the server answers PersistedQueryNotFound once and the exchange sends it again with the
 * full text, which the server then remembers. Repeated queries thus stay small and, being
 * GET requests, can be cached by HTTP caches. Mutations are always sent in full by POST.
 */
export function createClient({ url = '/graphql', fetch }: ClientOptions = {}): Client {
  return new Client({
    url,
    fetch,
    exchanges: [
      cacheExchange,
      persistedExchange({ preferGetForPersistedQueries: 'within-url-limit', generateHash: sha256Hex }),
      fetchExchange,
    ],
    // A query that is not persisted (see sha256Hex) goes by POST: its full text in a URL
    // would be long and would end up in access logs.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}

/**
 * The hex SHA-256 of a query, or null where the Web Crypto API is missing: browsers offer it
 * only in secure contexts (https, or http on localhost). Null makes the exchange send the
 * query in full, which works everywhere; the library's own fallback would try to load Node's
 * crypto module, which a browser does not have and the server's CSP forbids.
 */
async function sha256Hex(query: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(query));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
