// The example client's requests on the wire, against a stand-in server: the hash instead of
// the text, the text once when the server asks for it, the token, and how answers become
// errors. (offline-cycle.test.mjs runs the real server.)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { ApiError, Client, NetworkError } from './dist/client.js';
import { parseOperations } from './dist/operations.js';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

let server;
let url;
const received = [];
let answer = () => ({ status: 200, body: { data: { me: null } } });

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      const { status, body: out, raw } = answer(received.at(-1).body);
      res.writeHead(status, { 'Content-Type': raw ? 'text/html' : 'application/json' });
      res.end(raw ?? JSON.stringify(out));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

test('each operation is its text with the fragments it uses, hashed', () => {
  const ops = parseOperations(readFileSync(new URL('operations.graphql', import.meta.url), 'utf8'));
  assert.deepEqual([...ops.keys()], ['MobileMe', 'MobileOfflinePackage', 'MobileChanges', 'MobileRecordDeliveries']);
  const changes = ops.get('MobileChanges');
  assert.match(changes.document, /^query MobileChanges\(\$since: String!\) \{[\s\S]*\}\n\nfragment OfflineEntry on OfflineChild \{[\s\S]*\}$/);
  assert.doesNotMatch(ops.get('MobileMe').document, /fragment/);
  for (const op of ops.values()) assert.equal(op.sha256Hash, sha256(op.document));
});

test('sends the hash with the token; the text only when the server does not know the hash', async () => {
  received.length = 0;
  const known = new Set();
  answer = (body) => {
    if (body.query) known.add(body.extensions.persistedQuery.sha256Hash);
    return known.has(body.extensions.persistedQuery.sha256Hash)
      ? { status: 200, body: { data: { me: { id: 'VXNlcjox', name: 'Sandis', role: 'PROVIDER_SPECIALIST', provider: null } } } }
      : { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }], data: null } };
  };
  const client = new Client(url, 'secret-token');
  assert.equal((await client.request('MobileMe')).me.name, 'Sandis');
  assert.equal((await client.request('MobileMe')).me.name, 'Sandis');
  assert.deepEqual(
    received.map((r) => [r.headers.authorization, r.body.operationName, 'query' in r.body]),
    [
      ['Bearer secret-token', 'MobileMe', false],
      ['Bearer secret-token', 'MobileMe', true],
      ['Bearer secret-token', 'MobileMe', false],
    ],
  );
  assert.equal(received[0].body.extensions.persistedQuery.version, 1);
  assert.equal(received[0].body.extensions.persistedQuery.sha256Hash, sha256(received[1].body.query));
});

test('an answered error is an ApiError with its code; no GraphQL answer is a NetworkError', async () => {
  const client = new Client(`${url}/graphql`, 'revoked');
  answer = () => ({ status: 401, body: { errors: [{ message: 'the token is unknown, revoked or expired', extensions: { code: 'UNAUTHENTICATED' } }] } });
  await assert.rejects(client.request('MobileMe'), (err) => err instanceof ApiError && err.code === 'UNAUTHENTICATED' && !err.transient);
  answer = () => ({ status: 200, body: { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 4 } }], data: null } });
  await assert.rejects(client.request('MobileMe'), (err) => err instanceof ApiError && err.extensions.retryAfter === 4 && err.transient);
  answer = () => ({ status: 502, raw: '<html>Bad Gateway</html>' });
  await assert.rejects(client.request('MobileMe'), NetworkError);
  await assert.rejects(new Client('http://127.0.0.1:1', 't').request('MobileMe'), NetworkError);
});

test('refusals and failures are told in words, with what remains and who used it up', async () => {
  const { describeFailure, describeRefusal } = await import('./dist/messages.js');
  const refusal = describeRefusal({
    code: 'CHILD_SESSION_CAP_EXCEEDED', message: '...', field: null, remaining: '0', limit: '100',
    lastCounted: { date: '2026-12-01', recordedOn: '2026-12-02', units: 2, provider: { name: 'Atbalsta tilts' }, byAnotherProvider: true },
  });
  assert.equal(refusal, "CHILD_SESSION_CAP_EXCEEDED: more sessions than remain of the project's cap of the child's sessions; 0 remain of 100; the last delivery counted: 2 on 2026-12-01, recorded on 2026-12-02 by Atbalsta tilts (another provider)");
  assert.match(describeRefusal({ code: 'BUDGET_EXCEEDED', message: '', field: null, remaining: '12.50', limit: '4000.00', lastCounted: null }), /12\.50 EUR remain of 4000\.00 EUR$/);
  assert.match(describeFailure(new ApiError('x', 'UNAUTHENTICATED', {}, 401)), /revoked or has expired/);
  assert.match(describeFailure(new ApiError('x', 'PERSISTED_QUERY_REQUIRED', {}, 400)), /update the app/);
  assert.match(describeFailure(new ApiError('x', 'RATE_LIMITED', { retryAfter: 8 }, 200)), /try again in 8 s/);
  assert.match(describeFailure(new NetworkError('no answer')), /Nothing captured is lost/);
});
