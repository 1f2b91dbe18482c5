import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import persisted from '../gql/persisted-documents.json';
import { regionsQuery } from '../pages/RegionsPage';
import { signInMutation } from '../pages/SignInPage';
import { updateParentMutation } from '../components/cases/parents/parentQueries';
import { fakeFetch } from '../test/render';
import { createClient } from './client';

/** The SPA's trusted operations, as `make generate` wrote them: hash -> text. */
const manifest: Record<string, string | undefined> = persisted;

describe('createClient', () => {
  it("sends a query of the SPA as its manifest hash alone, by GET, and the server answers from the manifest", async () => {
    const fetch = fakeFetch((req) => {
      const text = manifest[req.extensions?.persistedQuery?.sha256Hash ?? ''];
      if (!text || req.query) throw new Error('not a trusted operation sent by hash');
      return { data: { regions: [] } };
    });
    const client = createClient({ url: 'http://localhost/graphql', fetch });

    const result = await client.query(regionsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ regions: [] });
    expect(fetch.requests).toHaveLength(1);
    const [request] = fetch.requests;
    expect(request.method).toBe('GET');
    expect(request.query).toBeUndefined();
    expect(request.operationName).toBe('Regions');
    const hash = request.extensions!.persistedQuery!.sha256Hash;
    // The manifest's entry is the document's text, with the __typename that urql's cache needs,
    // and its hash is that text's SHA-256.
    expect(manifest[hash]).toMatch(/^query Regions \{ regions \{ __typename /);
    expect(hash).toBe(await sha256Hex(manifest[hash]!));
  });

  it('sends a query outside the manifest as its hash first and in full once the server asks for it', async () => {
    const known = new Set<string>();
    const fetch = fakeFetch((req) => {
      const hash = req.extensions?.persistedQuery?.sha256Hash;
      if (hash && !req.query && !known.has(hash)) {
        return { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
      }
      if (hash && req.query) known.add(hash);
      return { data: { regions: [] } };
    });
    const client = createClient({ url: 'http://localhost/graphql', fetch });
    const adHoc = parse('query AdHocRegions { regions { code } }');

    const first = await client.query(adHoc, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual({ regions: [] });

    const [hashOnly, full] = fetch.requests;
    expect(hashOnly.method).toBe('GET');
    expect(hashOnly.query).toBeUndefined();
    expect(full.query).toContain('query AdHocRegions');
    // The hash is that of the very text sent, as the server checks.
    expect(full.extensions?.persistedQuery?.sha256Hash).toBe(await sha256Hex(full.query!));
    expect(hashOnly.extensions?.persistedQuery?.sha256Hash).toBe(full.extensions?.persistedQuery?.sha256Hash);
    expect(manifest[full.extensions!.persistedQuery!.sha256Hash]).toBeUndefined();

    // Now the server knows it: one request with the hash alone is enough.
    await client.query(adHoc, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(fetch.requests).toHaveLength(3);
    expect(fetch.requests[2].query).toBeUndefined();
  });
});

describe('an UNAUTHENTICATED answer', () => {
  const unauthenticated = { errors: [{ message: 'sign in first', extensions: { code: 'UNAUTHENTICATED' } }], data: null };
  const parent = { personalCode: null, firstName: 'Dace', lastName: 'Ozola', phone: null, email: null, address: null };

  it('is reported for a query and a mutation, never for signIn (a wrong password) or another error', async () => {
    const ended: string[] = [];
    let answer: unknown = unauthenticated;
    const client = createClient({
      url: 'http://localhost/graphql',
      fetch: fakeFetch(() => answer),
      onUnauthenticated: (op) => ended.push(op.kind),
    });
    await client.query(regionsQuery, {}).toPromise();
    await client.mutation(updateParentMutation, { input: { id: 'P1', version: 1, parent } }).toPromise();
    await client.mutation(signInMutation, { input: { email: 'a@b.lv', password: 'wrong' } }).toPromise();
    answer = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }], data: null };
    await client.query(regionsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(ended).toEqual(['query', 'mutation']);
  });
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
