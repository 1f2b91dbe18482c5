// The GraphQL client of the SPA.
import { Client, cacheExchange, fetchExchange, makeOperation, mapExchange, type Operation, type OperationResult } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

export interface ClientOptions {
  /** The GraphQL endpoint; the SPA is served by the same server as the API. */
  url?: string;
  /** A fetch implementation; tests pass one that answers without a server. */
  fetch?: typeof fetch;
  /**
   * Called when the server answers an operation with UNAUTHENTICATED: the session has expired
   * or was ended. Not called for signIn, whose UNAUTHENTICATED means a wrong password.
   */
  onUnauthenticated?: (operation: Operation) => void;
}

/**
 * Creates the urql client: a document cache, then persisted queries, then fetch.
 *
 * Every query of the SPA is a trusted operation: `make generate` puts its text into the
 * server's manifest and its hash into the generated document (`__meta__.hash`), and the client
 * sends only that hash, as a GET request; the server runs the manifest's text, so it never
 * asks for the text. A document that is not in the manifest goes by automatic persisted
 * queries: first its SHA-256 alone, then, when the server answers PersistedQueryNotFound, in
 * full, which the server then remembers. Either way repeated queries stay small and, being
 * GET requests, can be cached by HTTP caches. Mutations are always sent in full by POST, with
 * the session's CSRF token (see withCSRFToken).
 */
export function createClient({ url = '/graphql', fetch, onUnauthenticated }: ClientOptions = {}): Client {
  return new Client({
    url,
    fetch,
    exchanges: [
      cacheExchange,
      // After the cache: only answers of the server count, never a cached one.
      ...(onUnauthenticated ? [sessionEndExchange(onUnauthenticated)] : []),
      csrfExchange,
      persistedExchange({ preferGetForPersistedQueries: 'within-url-limit', generateHash: persistedHash }),
      fetchExchange,
    ],
    // A query that is not persisted (see sha256Hex) goes by POST: its full text in a URL
    // would be long and would end up in access logs.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}

/**
 * The hash to send for a query: the manifest's hash of a generated document, else the SHA-256
 * of its text. The text sent after a PersistedQueryNotFound is urql's print of the document,
 * whose SHA-256 is not the manifest's hash; the server that holds the manifest never asks,
 * and it is the same binary that serves this SPA.
 */
export function persistedHash(query: string, document: object): Promise<string | null> {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' ? Promise.resolve(hash) : sha256Hex(query);
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

/** The cookie in which the server gives the SPA its session's CSRF token (readable, unlike the session cookie). */
export const csrfCookie = 'atbalsts_csrf';
/** The header in which every mutation must echo that token, else the server answers FORBIDDEN. */
export const csrfHeader = 'X-CSRF-Token';

/** The value of a cookie of this page, or null. */
export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * Adds the X-CSRF-Token header to a mutation. The cookie is read when the mutation is sent,
 * not when the client is made: signing in sets a new token. Queries go without it, so that a
 * persisted query stays a plain GET request. Without the cookie (not signed in) nothing is
 * added: the server does not check anonymous requests.
 */
export function withCSRFToken(operation: Operation): Operation {
  if (operation.kind !== 'mutation') return operation;
  const token = readCookie(csrfCookie);
  if (!token) return operation;
  const base = operation.context.fetchOptions;
  const options = typeof base === 'function' ? base() : (base ?? {});
  return makeOperation(operation.kind, operation, {
    ...operation.context,
    fetchOptions: { ...options, headers: { ...toHeaderRecord(options.headers), [csrfHeader]: token } },
  });
}

const csrfExchange = mapExchange({ onOperation: withCSRFToken });

/** Any of the forms fetch accepts for headers, as a plain object that can be extended. */
function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return { ...headers };
}

/**
 * True when the server refused the operation because nobody is signed in (an expired or ended
 * session), except for signIn: its UNAUTHENTICATED means a wrong email or password.
 */
export function endsSession(result: OperationResult): boolean {
  if (!result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return false;
  return !isSignIn(result.operation);
}

function isSignIn(operation: Operation): boolean {
  if (operation.kind !== 'mutation') return false;
  return operation.query.definitions.some(
    (d) => d.kind === 'OperationDefinition' && d.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === 'signIn'),
  );
}

function sessionEndExchange(onUnauthenticated: (operation: Operation) => void) {
  return mapExchange({
    onResult(result) {
      if (endsSession(result)) onUnauthenticated(result.operation);
    },
  });
}
