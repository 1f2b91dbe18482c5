import { afterEach, describe, expect, it } from 'vitest';
import { signOutMutation as signOut } from '../components/UserMenu';
import { regionsQuery } from '../pages/RegionsPage';
import { fakeServer } from '../test/render';
import { createClient, readCookie } from './client';

function setCookie(value: string) {
  document.cookie = `atbalsts_csrf=${value}; path=/`;
}

describe('the CSRF token', () => {
  afterEach(() => {
    document.cookie = 'atbalsts_csrf=; path=/; max-age=0';
  });

  it('goes with every mutation in X-CSRF-Token, read from the cookie when the mutation is sent', async () => {
    const fetch = fakeServer({
      SignOut: () => ({ data: { signOut: { ok: true, __typename: 'SignOutPayload' } } }),
      Regions: () => ({ data: { regions: [] } }),
    });
    const client = createClient({ url: 'http://localhost/graphql', fetch });

    setCookie('first-token');
    await client.mutation(signOut, {}).toPromise();
    // Signing in again sets a new token: the client must not have kept the old one.
    setCookie('second-token');
    await client.mutation(signOut, {}).toPromise();
    await client.query(regionsQuery, {}).toPromise();

    const mutations = fetch.requests.filter((r) => r.operationName === 'SignOut');
    expect(mutations.map((r) => [r.method, r.headers['x-csrf-token']])).toEqual([
      ['POST', 'first-token'],
      ['POST', 'second-token'],
    ]);
    // The usual headers stay.
    expect(mutations[0].headers['content-type']).toBe('application/json');
    // Queries go without it, as plain GET requests.
    const queries = fetch.requests.filter((r) => r.operationName === 'Regions');
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) expect(q.headers['x-csrf-token']).toBeUndefined();
  });

  it('is left out when there is no cookie (nobody signed in)', async () => {
    const fetch = fakeServer({ SignOut: () => ({ data: { signOut: { ok: true, __typename: 'SignOutPayload' } } }) });
    const client = createClient({ url: 'http://localhost/graphql', fetch });
    await client.mutation(signOut, {}).toPromise();
    expect(fetch.requests[0].headers['x-csrf-token']).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('atbalsts_csrf', 'a=1; atbalsts_csrf=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCookie('atbalsts_csrf', 'xatbalsts_csrf=no')).toBeNull();
    expect(readCookie('atbalsts_csrf', '')).toBeNull();
  });
});
