// "Mani apmeklējumi" offline, in a real browser against the real server and its demo data: the
// "Piemērs" specialist opens the page online (the offline package loads, the service worker
// takes control), goes offline, reloads (the app comes from the worker's cache and the page
// from IndexedDB), records two physiotherapy sessions of Līva Jansone into the queue; meanwhile
// the Liepāja worker records, through the API, occupational therapy sessions of "Atbalsta
// tilts" that leave one session of Līva's project cap. Back online, the queue goes up on its
// own: the first entry is recorded, the second refused with the cap's reason in Latvian, and
// nothing waits any more.
//
// The demo (demo/today.go): Līva's plan of the current project, in force today, has 85 of the
// project's 100 child sessions used, physiotherapy of "Piemērs" with 10 sessions left and
// occupational therapy of "Atbalsta tilts" with 15 and none used.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { assertAccessible, openSignedIn, startServer } from './harness.mjs';

const users = {
  specialist: ['specialists@atbalsts.example', 'specialists-demo-2026'],
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
};

/** Console errors a page reports while the browser is offline by design: the failed requests. */
const offlineNoise = /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_/;

describe('my sessions offline', { timeout: 300_000 }, () => {
  let server;
  const browsers = [];
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    while (browsers.length) await browsers.pop().close();
  });

  /** A GraphQL client of the test process, signed in as `who` (cookie session and its CSRF token). */
  async function apiAs(who) {
    const [email, password] = users[who];
    const post = (body, headers = {}) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const signIn = await post({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { id } } }', variables: { e: email, p: password } });
    const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = cookies.find((c) => c.startsWith('atbalsts_csrf='))?.slice('atbalsts_csrf='.length);
    return async (query, variables = {}) => {
      const body = await (await post({ query, variables }, { Cookie: cookies.join('; '), 'X-CSRF-Token': decodeURIComponent(csrf ?? '') })).json();
      assert.equal(body.errors, undefined, `${JSON.stringify(body.errors)}\n--- server output ---\n${server.logs().split("\n").filter((l) => /error|ERROR|panic/i.test(l)).slice(-5).join("\n")}`);
      return body.data;
    };
  }

  /** Līva's plan, her lines by service code and her child sessions cap, from the worker's offline package. */
  async function livaAs(api) {
    const fields = `children { id firstName lastName plans { id lines { key serviceType { code } remainingUnits } } caps { kind remaining } } hasMore cursor`;
    let page = (await api(`query { offlinePackage { ${fields} } }`)).offlinePackage;
    const children = [...page.children];
    while (page.hasMore) {
      page = (await api(`query($s: String!) { changes(since: $s) { ${fields} } }`, { s: page.cursor })).changes;
      children.push(...page.children);
    }
    const liva = children.find((c) => c.firstName === 'Līva' && c.lastName === 'Jansone');
    assert.ok(liva, 'Līva Jansone is in the Liepāja worker’s offline package');
    const plan = liva.plans[0];
    const line = (code) => plan.lines.find((l) => l.serviceType.code === code);
    return { plan, line, cap: liva.caps.find((c) => c.kind === 'CHILD_SESSIONS') };
  }

  it('records offline into the queue and syncs when the connection returns, with a cap used up meanwhile', async () => {
    const started = Date.now();
    const { browser, page } = await openSignedIn(server.url, ...users.specialist);
    browsers.push(browser);
    const problems = [];
    let offline = false;
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(offline && offlineNoise.test(msg.text()))) problems.push(`console.error: ${msg.text()}`);
    });
    const main = page.getByRole('main');
    const unsent = main.getByTestId('unsent');

    const worker = await apiAs('liepaja');
    const before = await livaAs(worker);
    assert.equal(before.cap.remaining, 15, 'the demo leaves 15 of Līva’s 100 child sessions');
    assert.equal(before.line('PHYSIOTHERAPY').remainingUnits, 10);

    // Online: the package loads and the service worker takes control of the page.
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Mani apmeklējumi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mani apmeklējumi' }).waitFor();
    const liva = main.getByRole('region', { name: 'Jansone Līva' });
    await liva.waitFor();
    await main.getByText(/^Pēdējā sinhronizācija: /).waitFor();
    // Līva's plan is in force today: she is among today's children, her cap shown as it stands.
    await main.getByRole('region', { name: /^Šodien/ }).getByRole('region', { name: 'Jansone Līva' }).waitFor();
    await liva.getByText('bērna nodarbības projektā: atlikums 15 no 100').waitFor();
    // Each line with what remains of it and today's price ("Piemērs" charges 32 € since 2022).
    await liva.getByRole('columnheader', { name: 'Atlikums' }).first().waitFor();
    const physioRow = liva.getByRole('row').filter({ hasText: 'Fizioterapija (bērns)' });
    assert.match(await physioRow.textContent(), /Rehabilitācijas centrs "Piemērs"\s*10 nodarbību no 80\s*32,00\u00a0€/);
    assert.equal(await unsent.textContent(), 'Nenosūtītu ierakstu nav.');
    await assertAccessible(page, 'my sessions, online');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 30_000 });
    const online = Date.now();

    // Offline: the reloaded app comes from the worker's cache, the page from IndexedDB.
    offline = true;
    await browser.context.setOffline(true);
    const reloaded = await page.reload();
    assert.ok(reloaded?.fromServiceWorker(), 'the page came from the service worker');
    await page.getByRole('heading', { level: 1, name: 'Mani apmeklējumi' }).waitFor();
    await liva.waitFor();
    await main.getByText('Bez savienojuma', { exact: true }).waitFor();

    // Two sessions today, into the queue: Līva's physiotherapy, and her mother's with the
    // psychologist (a parents' service: the parent is offered, Līva has one).
    await liva.getByRole('button', { name: 'Reģistrēt: Fizioterapija (bērns), Jansone Līva' }).click();
    const physio = liva.getByRole('form', { name: 'Jauns ieraksts: Fizioterapija (bērns), Jansone Līva' });
    await physio.getByRole('button', { name: 'Saglabāt' }).click();
    await physio.getByText(/^Saglabāts ierīcē: \d\d\.\d\d\.\d{4}, Fizioterapija \(bērns\), 1 nodarbība\.$/).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="unsent"]')?.textContent === '1 nenosūtīts ieraksts');
    await liva.getByRole('button', { name: 'Reģistrēt: Psihologs (vecāki), Jansone Līva' }).click();
    const psychologist = liva.getByRole('form', { name: 'Jauns ieraksts: Psihologs (vecāki), Jansone Līva' });
    assert.equal(await psychologist.getByLabel(/^Vecāks/).evaluate((s) => s.selectedOptions[0].textContent), 'Jansone Evija');
    await psychologist.getByLabel(/^Piezīme/).fill('Konsultācija mātei');
    await psychologist.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="unsent"]')?.textContent === '2 nenosūtīti ieraksti');
    const entries = main.getByRole('region', { name: 'Ierīcē reģistrētie ieraksti' });
    assert.equal(await entries.getByText('Gaida nosūtīšanu').count(), 2);
    await assertAccessible(page, 'my sessions, offline with two entries queued');

    // Meanwhile the Liepāja worker records 15 sessions of occupational therapy ("Atbalsta
    // tilts") up to today: Līva's 100 sessions are used up.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
    const day = (back) => new Date(Date.parse(`${today}T12:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    const ot = before.line('OCCUPATIONAL_THERAPY');
    const recorded = await worker(
      `mutation($input: RecordDeliveriesInput!) { recordDeliveries(input: $input) { results { outcome error { code } } } }`,
      {
        input: {
          deliveries: Array.from({ length: 15 }, (_, i) => ({
            idempotencyKey: crypto.randomUUID(),
            planId: before.plan.id,
            lineKey: ot.key,
            date: day(14 - i),
            units: 1,
          })),
        },
      },
    );
    assert.deepEqual(
      recorded.recordDeliveries.results.map((r) => r.outcome),
      Array(15).fill('RECORDED'),
      JSON.stringify(recorded.recordDeliveries.results.filter((r) => r.error)),
    );

    // Online again: the queue goes up on its own.
    const reconnected = Date.now();
    await browser.context.setOffline(false);
    offline = false;
    await page.waitForFunction(() => document.querySelector('[data-testid="unsent"]')?.textContent === 'Nenosūtītu ierakstu nav.', null, { timeout: 30_000 });
    const synced = Date.now();
    const rows = entries.getByRole('row');
    await entries.getByText('Reģistrēts', { exact: true }).waitFor();
    const refused = entries.getByText(/^Atteikts: /);
    await refused.waitFor();
    assert.match(
      await refused.textContent(),
      /^Atteikts: Ieraksts pārsniedz projekta ierobežojumu bērna nodarbībām\. Ierobežojumu izlietoja cits pakalpojuma sniedzējs \(Biedrība "Atbalsta tilts"\) ar ierakstu par \d\d\.\d\d\.\d{4} \(reģistrēts \d\d\.\d\d\.\d{4}\); atlikums: 0 nodarbību\.$/,
    );
    assert.equal(await rows.count(), 3, 'a header row and the two entries');
    // In the order they were made: the physiotherapy refused, the parents' session recorded
    // (it counts towards the parents' cap, not the child's).
    assert.match(await rows.nth(1).textContent(), /Fizioterapija \(bērns\).*Atteikts/);
    assert.match(await rows.nth(2).textContent(), /Psihologs \(vecāki\).*Reģistrēts/);
    // The package came down again: the cap is used up.
    await liva.getByText('bērna nodarbības projektā: atlikums 0 no 100').waitFor();
    await assertAccessible(page, 'my sessions with the outcomes');

    // The server has the parents' session, once, and no physiotherapy.
    const afterSync = await livaAs(worker);
    assert.equal(afterSync.line('PHYSIOTHERAPY').remainingUnits, 10);
    assert.equal(afterSync.line('PSYCHOLOGIST').remainingUnits, before.line('PSYCHOLOGIST').remainingUnits - 1);
    assert.equal(afterSync.cap.remaining, 0);

    // The refused entry stays until dismissed.
    await entries.getByRole('button', { name: /^Noņemt ierakstu: Jansone Līva/ }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-status]').length === 1);
    assert.equal(await entries.getByText('Reģistrēts', { exact: true }).count(), 1);

    // What the worker cached: the app shell only, never an answer of the API.
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(`${name} ${new URL(req.url).pathname}`);
      }
      return urls;
    });
    assert.ok(cached.some((u) => / \/index\.html$/.test(u)), 'index.html is cached');
    assert.deepEqual(cached.filter((u) => /\/graphql|\/exports/.test(u)), []);

    // Chromium finds the app installable (manifest, icons, service worker).
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);

    // Signing out deletes the user's offline data from the device.
    const held = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('atbalsts-offline-')));
    assert.equal((await held()).length, 1);
    await page.getByRole('banner').getByRole('button', { name: 'Iziet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name.startsWith('atbalsts-offline-')));

    assert.deepEqual(problems, [], `the page reported errors\n--- server output ---\n${server.logs()}`);
    console.log(
      `my sessions: online and controlled ${((online - started) / 1000).toFixed(1)} s, offline part ${((reconnected - online) / 1000).toFixed(1)} s, ` +
        `sync after reconnecting ${((synced - reconnected) / 1000).toFixed(1)} s, whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
