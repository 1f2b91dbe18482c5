// The case registry in a real browser against the real server and its demo data: a
// municipality worker edits and submits a draft plan which the region's coordinator approves;
// a worker cannot reach a child of another municipality by any way; axe-core on the children
// list, the child page and the plan editor.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { assertAccessible, launchBrowser, startServer, watchPage } from './harness.mjs';

const NBSP = '\u00a0';
const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
  admin: ['admin@atbalsts.example', 'admin-demo-2026'],
};

describe('the case registry', { timeout: 300_000 }, () => {
  let server;
  const browsers = [];
  let watchers = [];

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    watchers = [];
  });
  afterEach(async (t) => {
    while (browsers.length) await browsers.pop().close();
    const problems = watchers.flatMap((w) => w.problems());
    assert.deepEqual(problems, [], `${t.name}: the page reported errors\n--- server output ---\n${server.logs()}`);
  });

  /** A fresh browser (no one else's session) signed in as `who` through the sign-in page. */
  async function signedIn(who) {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await browser.context.newPage();
    watchers.push(watchPage(page));
    const [email, password] = users[who];
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-pasta adrese').fill(email);
    await page.getByLabel(/^Parole/).fill(password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  /** Runs a query as the administrator through the API (cookie session; queries need no CSRF token). */
  async function asAdmin(query, variables = {}) {
    const post = (body, cookie) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(body),
      });
    const [email, password] = users.admin;
    const signIn = await post({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { id } } }', variables: { e: email, p: password } });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const body = await (await post({ query, variables }, cookie)).json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  }

  const main = (page) => page.getByRole('main');

  it('a Liepāja worker edits a line and the budget of a draft plan, saves and submits it; the Kurzeme coordinator approves it', async () => {
    const worker = await signedIn('liepaja');
    await worker.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Bērni' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Bērni' }).waitFor();
    await main(worker).getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();
    await assertAccessible(worker, 'the children list');

    await main(worker).getByRole('link', { name: 'Ozols Mārtiņš' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Ozols Mārtiņš' }).waitFor();
    await worker.getByRole('heading', { level: 2, name: 'Atbalsta plāni' }).waitFor();
    await assertAccessible(worker, 'the child page');

    await main(worker).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    await worker.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš' }).waitFor();
    const line1 = worker.getByRole('group', { name: '1. pakalpojums' });
    await line1.waitFor();
    await assertAccessible(worker, 'the plan editor');
    const budgetBar = worker.getByTestId('budget-bar');
    assert.match(await budgetBar.textContent(), new RegExp(`Plānots 1${NBSP}025,00${NBSP}€ no 1${NBSP}500,00${NBSP}€ \\(68 %\\)`));

    // Physiotherapy from 20 to 30 sessions; the budget up to 2 000 €.
    await line1.getByLabel(/^Plānotais apjoms/).fill('30');
    await worker.getByLabel(/^Individuālais budžets/).fill('2000');
    await worker.getByRole('button', { name: 'Saglabāt plānu' }).click();
    await worker.getByText('Plāns saglabāts.').waitFor();
    // The server priced the line: 30 units at its unit price.
    await worker.waitForFunction(() => /^30 × /.test(document.querySelector('[data-testid="line-amount"]')?.textContent ?? ''));
    const barText = await budgetBar.textContent();
    assert.match(barText, new RegExp(`no 2${NBSP}000,00${NBSP}€`));
    assert.doesNotMatch(barText, /1\u00a0025,00/, 'the lines total changed with the units');

    await worker.getByRole('button', { name: 'Iesniegt apstiprināšanai' }).click();
    await worker.getByRole('heading', { level: 2, name: '1. redakcija (iesniegts)' }).waitFor();
    const planPath = new URL(worker.url()).pathname;

    const coordinator = await signedIn('coordinator');
    await coordinator.goto(`${server.url}${planPath}`);
    await coordinator.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš' }).waitFor();
    assert.match(await coordinator.getByTestId('budget-bar').textContent(), new RegExp(`no 2${NBSP}000,00${NBSP}€`));
    await coordinator.getByRole('button', { name: 'Apstiprināt' }).click();
    await coordinator.getByRole('heading', { level: 2, name: '1. redakcija (apstiprināts)' }).waitFor();
    await assertAccessible(coordinator, 'the plan editor after approval');
  });

  it('a Liepāja worker cannot reach a Rēzekne child: not in the list, not by search, not by its address', async () => {
    const data = await asAdmin('query($s: String) { children(filter: { search: $s }) { edges { node { id firstName lastName municipality { name } } } } }', { s: 'Ivanova' });
    const rezekneChild = data.children.edges.map((e) => e.node).find((c) => c.municipality.name === 'Rēzeknes novads');
    assert.ok(rezekneChild, 'the demo data have a child "Ivanova" in Rēzeknes novads');

    const worker = await signedIn('liepaja');
    await worker.goto(`${server.url}/children`);
    await main(worker).getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();
    const names = await main(worker).getByRole('table', { name: 'Bērni' }).getByRole('rowheader').allTextContents();
    assert.ok(names.length > 0);
    assert.ok(!names.some((n) => n.includes('Ivanova')), `the list shows ${names.join(', ')}`);
    const municipalities = await main(worker).getByRole('table', { name: 'Bērni' }).getByRole('cell').allTextContents();
    assert.ok(!municipalities.includes('Rēzeknes novads'));

    await worker.getByLabel('Meklēt', { exact: true }).fill(rezekneChild.lastName);
    await worker.getByRole('button', { name: 'Meklēt' }).click();
    await worker.getByText('Atrasti 0 bērnu').waitFor();
    assert.equal(await main(worker).getByRole('link', { name: /Ivanova/ }).count(), 0);

    await worker.goto(`${server.url}/children/${encodeURIComponent(rezekneChild.id)}`);
    await worker.getByRole('heading', { level: 1, name: 'Bērns nav atrasts' }).waitFor();
    assert.equal(await worker.getByText(rezekneChild.firstName).count(), 0);
    await assertAccessible(worker, 'the child page of a child out of scope');
  });
});
