// The offline cycle of the example client, end to end against the real server with the demo
// data: the package, sessions captured offline, a conflicting write meanwhile, sync and its
// outcomes, a retry that records nothing twice, delta sync, a tombstone, a bad cursor and a
// revoked token. Run by `make test-examples` (part of `make test`) after compiling the client:
//   ../../frontend/node_modules/.bin/tsc -p . && node --test offline-cycle.test.mjs (the binary: ../../bin/atbalsts, or ATBALSTS_BIN)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../frontend/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, 'dist', 'cli.js');

const users = {
  specialist: ['specialists@atbalsts.example', 'specialists-demo-2026'],
  worker: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  admin: ['admin@atbalsts.example', 'admin-demo-2026'],
};

/** Today in Riga and the days around it, yyyy-mm-dd. */
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
const monthFrom = (day, n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const daysFrom = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A signed-in web session (cookie and CSRF header), to set the scene as staff do. */
async function signIn(url, [email, password]) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { csrfToken } }', variables: { i: { email, password } } }),
  });
  const body = await res.json();
  assert.ok(body.data?.signIn, `sign-in of ${email}: ${JSON.stringify(body.errors)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = body.data.signIn.csrfToken;
  return async function gql(query, variables = {}) {
    const r = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ query, variables }),
    });
    const b = await r.json();
    assert.equal(b.errors, undefined, `${email}: ${query.slice(0, 60)}...: ${JSON.stringify(b.errors)}`);
    return b.data;
  };
}

/** A TCP port nothing listens on: the client's "no network". */
async function closedPort() {
  const srv = createServer();
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

let server;
let dir;
let store;
const timings = [];

/** Runs the compiled client with --json; env adds to (or, with undefined, removes from) its environment. */
function client(args, env = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const full = { ...process.env, ATBALSTS_STORE: store, ...env };
    for (const [k, v] of Object.entries(full)) if (v === undefined) delete full[k];
    execFile(process.execPath, [cli, ...args, '--json'], { env: full }, (err, stdout, stderr) => {
      timings.push(`${args[0]} ${Math.round(performance.now() - started)} ms`);
      let json = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        // usage errors print text
      }
      resolve({ code: err ? err.code : 0, json, stdout, stderr });
    });
  });
}

async function readStore() {
  return JSON.parse(await readFile(store, 'utf8'));
}

/** The stored entry of the child by full name. */
function entry(data, name) {
  const found = Object.values(data.children).filter((c) => `${c.firstName} ${c.lastName}` === name);
  assert.equal(found.length, 1, `${name} in the package`);
  return found[0];
}

function line(child, code, recipient = 'CHILD') {
  const found = child.plans.flatMap((p) => p.lines.map((l) => ({ plan: p, line: l }))).filter(({ line: l }) => l.serviceType.code === code && l.recipient === recipient);
  assert.equal(found.length, 1, `${child.firstName}'s ${code} line`);
  return found[0];
}

before(async () => {
  server = await startServer();
  dir = await mkdtemp(path.join(tmpdir(), 'atbalsts-example-'));
  store = path.join(dir, 'device.json');
});

after(async () => {
  console.log(`client runs: ${timings.join(', ')}`);
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the offline cycle of the example client', { timeout: 300_000 }, async (t) => {
  const specialist = await signIn(server.url, users.specialist);
  const worker = await signIn(server.url, users.worker);
  const admin = await signIn(server.url, users.admin);

  // An app token where the server has them (it runs only the trusted operations), else a
  // personal one.
  const schema = await (await fetch(`${server.url}/graphql/schema.graphql`)).text();
  const appTokens = /input CreateApiTokenInput \{[^}]*\bkind\s*:/.test(schema);
  t.diagnostic(`token kind: ${appTokens ? 'APP' : 'personal (this server has no app tokens)'}`);
  const { createApiToken } = await specialist(
    `mutation { createApiToken(input: {name: "Example client", expiresInDays: 1${appTokens ? ', kind: APP' : ''}}) { token { id } secret } }`,
  );
  const online = { ATBALSTS_URL: server.url, ATBALSTS_TOKEN: createApiToken.secret };

  // --- 1. The first sync loads the package: the specialist's children and lines only.
  const first = await client(['sync'], online);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const me = first.json.user;
  assert.equal(me.role, 'PROVIDER_SPECIALIST');
  assert.ok(first.json.fullLoad);
  assert.ok(first.json.pages >= 1, `pages of 20: ${first.json.pages}`);
  let data = await readStore();
  const held = Object.values(data.children);
  assert.equal(held.length, first.json.changed.length);
  assert.ok(data.cursor);
  // What the admin sees: the active plans with lines of the specialist's provider whose period
  // meets the month before or after today (the package's window).
  const expected = new Map(); // plan id -> its line keys of the provider
  const childOf = new Map();
  for (let after = null; ; ) {
    const { supportPlans } = await admin(
      `query($after: String) { supportPlans(filter: {status: ACTIVE}, first: 100, after: $after) {
         pageInfo { hasNextPage endCursor } edges { node { id child { id } current { validFrom validTo lines { key provider { id } } } } } } }`,
      { after },
    );
    for (const { node } of supportPlans.edges) {
      const keys = node.current.lines.filter((l) => l.provider?.id === me.provider.id).map((l) => l.key);
      const inWindow = node.current.validTo >= monthFrom(today, -1) && node.current.validFrom <= monthFrom(today, 1);
      if (keys.length && inWindow) expected.set(node.id, keys.sort());
      childOf.set(node.id, node.child.id);
    }
    if (!supportPlans.pageInfo.hasNextPage) break;
    after = supportPlans.pageInfo.endCursor;
  }
  assert.deepEqual(held.map((c) => c.id).sort(), [...new Set([...expected.keys()].map((p) => childOf.get(p)))].sort(), 'the children with an active plan line of the provider');
  for (const child of held) {
    for (const plan of child.plans) {
      assert.deepEqual(plan.lines.map((l) => l.key).sort(), expected.get(plan.id), `${child.firstName}'s plan's lines are the provider's`);
      for (const l of plan.lines) assert.equal(l.provider.id, me.provider.id);
    }
  }
  t.diagnostic(`package: ${held.length} children in ${first.json.pages} pages`);

  // --- 1b. Niks's plan is approved and put into effect: he enters the specialist's scope, and
  // the next sync brings him alone.
  const { supportPlans: niksPlans } = await admin(`{ supportPlans(filter: {status: SUBMITTED}, first: 50) { edges { node { id
    child { firstName lastName } current { id version } } } } }`);
  let niksRev = niksPlans.edges.map((e) => e.node).find((p) => p.child.firstName === 'Niks').current;
  for (const step of ['approvePlan', 'activatePlan']) {
    const r = await admin(`mutation($i: PlanTransitionInput!) { ${step}(input: $i) { revision { id version } } }`,
      { i: { revisionId: niksRev.id, version: niksRev.version } });
    niksRev = r[step].revision;
  }
  const entered = await client(['sync'], online);
  assert.equal(entered.code, 0, entered.stdout + entered.stderr);
  data = await readStore();
  const niks = entry(data, 'Niks Bērziņš');
  assert.deepEqual([entered.json.changed, entered.json.removed], [[niks.id], []], 'only the child who entered the scope');
  held.push(niks);

  // --- 2. Captures offline: no URL, no token, no server.
  const offline = { ATBALSTS_URL: undefined, ATBALSTS_TOKEN: undefined };
  const liva = entry(data, 'Līva Jansone');

  const physio = line(liva, 'PHYSIOTHERAPY');
  const speech = line(liva, 'SPEECH_THERAPY');
  const niksPhysio = line(niks, 'PHYSIOTHERAPY');
  assert.ok(speech.line.remainingUnits >= 1, "Līva's speech therapy has units left");
  const captures = {};
  for (const [name, args] of Object.entries({
    physio: [liva.id, 'PHYSIOTHERAPY'],
    speech: [liva.id, 'SPEECH_THERAPY', '--note', 'Artikulācijas vingrinājumi'],
    parents: [liva.id, 'PSYCHOLOGIST'], // her mother, the one parent of the package
    niks: [niks.id, niksPhysio.line.key, '--date', today],
  })) {
    const r = await client(['capture', ...args], offline);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    captures[name] = r.json;
  }
  assert.equal(captures.parents.parentId, liva.parents[0].id);
  // Refused on the device: a day outside the plan.
  const outside = await client(['capture', liva.id, 'PHYSIOTHERAPY', '--date', daysFrom(physio.plan.validFrom, -1)], offline);
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /the plan runs from/);
  data = await readStore();
  const keys = Object.values(captures).map((c) => c.idempotencyKey);
  assert.deepEqual(data.queue.map((c) => c.idempotencyKey), keys);
  assert.equal(new Set(keys).size, 4);

  // --- 3. No network: nothing is lost, the keys stay.
  const noNetwork = await client(['sync'], { ...online, ATBALSTS_URL: `http://127.0.0.1:${await closedPort()}` });
  assert.equal(noNetwork.code, 1);
  assert.equal(noNetwork.json.error.code, 'NetworkError');
  assert.match(noNetwork.json.error.message, /Nothing captured is lost/);
  assert.deepEqual((await readStore()).queue.map((c) => [c.idempotencyKey, c.status]), keys.map((k) => [k, 'pending']));

  // --- 4. Meanwhile the municipality records the rest of Līva's speech therapy.
  const record = (deliveries) => worker(`mutation($i: RecordDeliveriesInput!) { recordDeliveries(input: $i) { results { outcome error { code message } } } }`, { i: { deliveries } });
  const session = (date, planId, lineKey) => ({ idempotencyKey: crypto.randomUUID(), planId, lineKey, date, units: 1 });
  const left = speech.line.remainingUnits;
  const earlier = Array.from({ length: left - 1 }, (_, i) => session(daysFrom(today, -3 - i), speech.plan.id, speech.line.key));
  const lastDay = daysFrom(today, -2); // the last to count: the refusal names it
  for (const batch of [earlier, [session(lastDay, speech.plan.id, speech.line.key)]]) {
    if (batch.length === 0) continue;
    const { recordDeliveries } = await record(batch);
    assert.deepEqual(recordDeliveries.results.map((r) => r.outcome), batch.map(() => 'RECORDED'), JSON.stringify(recordDeliveries.results));
  }

  const count = async (childId) =>
    (await admin(`query($c: ID!) { deliveries(filter: {childId: $c}) { totalCount } }`, { c: childId })).deliveries.totalCount;
  const livaBefore = await count(liva.id);
  const niksBefore = await count(niks.id);

  // --- 5. Sync: three recorded, the speech therapy refused with who used the line up.
  const beforeSync = path.join(dir, 'before-sync.json');
  await copyFile(store, beforeSync);
  const synced = await client(['sync'], online);
  assert.equal(synced.code, 0, synced.stdout + synced.stderr);
  const outcome = (r, key) => r.json.results.find((x) => x.idempotencyKey === key);
  for (const name of ['physio', 'parents', 'niks']) assert.equal(outcome(synced, captures[name].idempotencyKey).outcome, 'RECORDED', name);
  const refused = outcome(synced, captures.speech.idempotencyKey);
  assert.equal(refused.outcome, 'REFUSED');
  assert.equal(refused.error.code, 'LINE_UNITS_EXCEEDED');
  assert.equal(refused.error.remaining, '0');
  assert.equal(refused.error.limit, String(speech.line.plannedUnits));
  assert.deepEqual(
    { ...refused.error.lastCounted, provider: refused.error.lastCounted.provider.name },
    { date: lastDay, recordedOn: today, units: 1, provider: speech.line.provider.name, byAnotherProvider: false },
    'lastCounted is the worker write',
  );
  assert.equal(await count(liva.id), livaBefore + 2);
  assert.equal(await count(niks.id), niksBefore + 1);
  data = await readStore();
  assert.deepEqual(data.queue.map((c) => [c.idempotencyKey, c.status, c.refusal?.code]), [[captures.speech.idempotencyKey, 'refused', 'LINE_UNITS_EXCEEDED']]);
  assert.deepEqual(data.uploaded.map((u) => u.idempotencyKey).sort(), [captures.physio, captures.parents, captures.niks].map((c) => c.idempotencyKey).sort());
  // The pull after the upload replaced the two children that changed, and only them.
  assert.equal(synced.json.fullLoad, false);
  assert.deepEqual(synced.json.changed.sort(), [niks.id, liva.id].sort());
  assert.equal(line(entry(data, 'Līva Jansone'), 'SPEECH_THERAPY').line.remainingUnits, 0);
  assert.equal(line(entry(data, 'Līva Jansone'), 'PHYSIOTHERAPY').line.remainingUnits, physio.line.remainingUnits - 1);
  const status = await client(['status'], offline);
  assert.equal(status.json.refused[0].refusal.lastCounted.date, lastDay);

  // --- 6. The answer was lost: the device syncs everything again with the same keys.
  await copyFile(beforeSync, store);
  const again = await client(['sync'], online);
  assert.equal(again.code, 0, again.stdout + again.stderr);
  for (const name of ['physio', 'parents', 'niks']) assert.equal(outcome(again, captures[name].idempotencyKey).outcome, 'ALREADY_RECORDED', name);
  assert.equal(outcome(again, captures.speech.idempotencyKey).outcome, 'REFUSED');
  assert.equal(await count(liva.id), livaBefore + 2, 'nothing recorded twice');
  assert.equal(await count(niks.id), niksBefore + 1, 'nothing recorded twice');
  // A refused capture goes again only when the user says so, and is refused again.
  assert.deepEqual((await client(['retry'], offline)).json.retried, [captures.speech.idempotencyKey]);
  const retried = await client(['sync'], online);
  assert.deepEqual(retried.json.results.map((r) => [r.idempotencyKey, r.outcome]), [[captures.speech.idempotencyKey, 'REFUSED']]);
  assert.equal(await count(liva.id), livaBefore + 2);
  assert.deepEqual(retried.json.changed, [], 'nothing changed since the last sync');

  // --- 7. A capture the server cannot take at all (a note with U+FFFD, the trace of a broken
  // encoding) refuses its batch: the client sets it aside and sends the rest.
  let niksNow = entry(await readStore(), 'Niks Bērziņš');
  const broken = (await client(['capture', niksNow.id, 'PHYSIOTHERAPY', '--date', today, '--note', 'bojāts \uFFFD teksts'], offline)).json;
  const fine = (await client(['capture', niksNow.id, 'PHYSIOTHERAPY', '--date', today], offline)).json;
  const mixed = await client(['sync'], online);
  assert.equal(mixed.code, 0, mixed.stdout + mixed.stderr);
  assert.deepEqual(
    mixed.json.results.map((r) => [r.idempotencyKey, r.outcome, r.error?.code, r.error?.field]),
    [[broken.idempotencyKey, 'REFUSED', 'BAD_USER_INPUT', 'input.deliveries.0.note'], [fine.idempotencyKey, 'RECORDED', undefined, undefined]],
  );
  assert.deepEqual(mixed.json.changed, [niksNow.id]);
  assert.deepEqual((await client(['discard', broken.idempotencyKey], offline)).json, { discarded: broken.idempotencyKey });
  assert.deepEqual((await readStore()).queue.map((c) => c.idempotencyKey), [captures.speech.idempotencyKey]);

  // --- 8. Delta sync: another child's session recorded by someone else (the admin: Niks
  // lives in Rēzekne, outside the Liepāja worker's scope) comes alone.
  niksNow = entry(await readStore(), 'Niks Bērziņš');
  const { recordDeliveries: byAdmin } = await admin(`mutation($i: RecordDeliveriesInput!) { recordDeliveries(input: $i) { results { outcome } } }`,
    { i: { deliveries: [session(daysFrom(today, -1), niksPhysio.plan.id, niksPhysio.line.key)] } });
  assert.deepEqual(byAdmin.results.map((r) => r.outcome), ['RECORDED']);
  const delta = await client(['sync'], online);
  assert.equal(delta.code, 0, delta.stdout + delta.stderr);
  assert.deepEqual([delta.json.changed, delta.json.removed, delta.json.pages], [[niksNow.id], [], 1]);
  data = await readStore();
  assert.equal(line(entry(data, 'Niks Bērziņš'), 'PHYSIOTHERAPY').line.remainingUnits, line(niksNow, 'PHYSIOTHERAPY').line.remainingUnits - 1);
  assert.notEqual(entry(data, 'Niks Bērziņš').version, niksNow.version);

  // --- 9. Līva's plan is closed: she leaves the specialist's scope, and the device forgets her.
  const { node: plan } = await admin(`query($id: ID!) { node(id: $id) { ... on SupportPlan { current { id version } } } }`, { id: physio.plan.id });
  await admin(`mutation($i: PlanTransitionInput!) { closePlan(input: $i) { revision { status } } }`, { i: { revisionId: plan.current.id, version: plan.current.version } });
  const tomb = await client(['sync'], online);
  assert.equal(tomb.code, 0, tomb.stdout + tomb.stderr);
  assert.deepEqual([tomb.json.removed, tomb.json.changed, tomb.json.droppedCaptures], [[liva.id], [], [captures.speech.idempotencyKey]]);
  data = await readStore();
  assert.equal(data.children[liva.id], undefined);
  assert.deepEqual(data.queue, []);
  assert.doesNotMatch(await readFile(store, 'utf8'), /Jansone/);
  const remaining = Object.keys(data.children).length;
  assert.equal(remaining, held.length - 1);

  // --- 10. A cursor the server cannot read: the package is loaded again, whole.
  await writeFile(store, JSON.stringify({ ...data, cursor: 'o1.not-a-cursor' }));
  const reset = await client(['sync'], online);
  assert.equal(reset.code, 0, reset.stdout + reset.stderr);
  assert.ok(reset.json.fullLoad && reset.json.resetReason, JSON.stringify(reset.json.resetReason));
  assert.equal(Object.keys((await readStore()).children).length, remaining);

  // --- 11. The token is revoked: sync says so, and keeps what was captured.
  await client(['capture', niksNow.id, 'PHYSIOTHERAPY', '--date', today], offline);
  await specialist(`mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { token { revokedAt } } }`, { i: { id: createApiToken.token.id } });
  const revoked = await client(['sync'], online);
  assert.equal(revoked.code, 1);
  assert.equal(revoked.json.error.code, 'UNAUTHENTICATED');
  assert.match(revoked.json.error.message, /revoked or has expired/);
  assert.deepEqual((await readStore()).queue.map((c) => c.status), ['pending']);
});
