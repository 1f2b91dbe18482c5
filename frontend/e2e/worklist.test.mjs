// "My work" on the home page and project amendments in a real browser against the real server
// and its demo data: each demo role sees its worklist's kinds with the counts the server
// answers, and an entry's link opens its page; the analyst is shown the statistics instead; the
// Kurzeme coordinator amends "Kurzeme visiem" (extends its end date with a reason) and finds
// the amendment in the history after a reload. axe-core on the home page of each role and on
// the amendment form, with errors and with its confirmation open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const lv = JSON.parse(readFileSync(new URL('../src/locales/lv.json', import.meta.url), 'utf8'));

const users = {
  admin: ['admin@atbalsts.example', 'admin-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
  worker: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  assessor: ['izvertetaja@atbalsts.example', 'izvertetaja-demo-2026'],
  analyst: ['analitikis@atbalsts.example', 'analitikis-demo-2026'],
};

const worklistQuery = `{ worklist { today items { kind count entries {
  child { id } planRevision { plan { id } } claim { id } } } } }`;

/** Where the home page links an entry of a kind (as WorklistHome's entryLink). */
function expectedPath(kind, e) {
  if (kind.startsWith('PLANS_')) return `/plans/${encodeURIComponent(e.planRevision.plan.id)}`;
  if (kind.startsWith('CLAIMS_')) return `/claims/${encodeURIComponent(e.claim.id)}`;
  if (kind === 'DELIVERIES_TO_VERIFY') return '/deliveries/verify';
  return `/children/${encodeURIComponent(e.child.id)}`;
}

describe('the worklist and project amendments', { timeout: 600_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;

  /** Runs a query as `who` through the API (cookie session; queries need no CSRF token). */
  async function queryAs(who, query, variables = {}) {
    const post = (body, cookie) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(body),
      });
    const [email, password] = users[who];
    const signIn = await post({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { id } } }', variables: { e: email, p: password } });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const body = await (await post({ query, variables }, cookie)).json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  }

  const main = (page) => page.getByRole('main');

  for (const who of ['admin', 'coordinator', 'worker', 'assessor']) {
    it(`shows the ${who} their work with the server's counts, and an entry's link opens its page`, async () => {
      const { worklist } = await queryAs(who, worklistQuery);
      assert.ok(worklist.items.length > 0, `${who} has a worklist`);
      const page = await signedIn(who);
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Mans darbs' }).waitFor();
      for (const item of worklist.items) {
        const heading = `${lv.worklist.kind[item.kind]} (${item.count})`;
        const section = main(page).getByRole('region', { name: heading, exact: true });
        await section.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
        if (item.count === 0) await section.getByText('Nekas negaida.').waitFor();
        else assert.equal(await section.getByRole('listitem').count(), item.entries.length, heading);
      }
      assert.equal(await main(page).getByRole('heading', { level: 2 }).count(), worklist.items.length);
      await assertAccessible(page, `the home page of the ${who}`);

      // Follow the first entry of the first kind that has one.
      const item = worklist.items.find((i) => i.entries.length > 0);
      if (!item) return;
      const heading = `${lv.worklist.kind[item.kind]} (${item.count})`;
      await main(page).getByRole('region', { name: heading, exact: true }).getByRole('listitem').first().getByRole('link').click();
      const path = expectedPath(item.kind, item.entries[0]);
      await page.waitForURL((url) => url.pathname === path);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      const title = await h1.textContent();
      assert.ok(!['Nav piekļuves', 'Lapa nav atrasta', 'Bērns nav atrasts'].includes(title), `${item.kind} → ${path}: ${title}`);
    });
  }

  it('shows the analyst the way to the statistics instead of a worklist', async () => {
    const { worklist } = await queryAs('analyst', worklistQuery);
    assert.deepEqual(worklist.items, []);
    const page = await signedIn('analyst');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Mans darbs' }).waitFor();
    assert.equal(await main(page).getByRole('heading', { level: 2 }).count(), 0);
    await assertAccessible(page, 'the home page of the analyst');
    await main(page).getByRole('link', { name: /^Statistika/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistika' }).waitFor();
  });

  it('the Kurzeme coordinator extends "Kurzeme visiem" with a reason and finds the amendment in its history after a reload', async () => {
    const page = await signedIn('coordinator');
    await page.goto(`${server.url}/projects`);
    const project = main(page).getByRole('region', { name: 'Kurzeme visiem', exact: true });
    await project.getByRole('heading', { level: 2, name: 'Kurzeme visiem' }).waitFor();
    await project.getByRole('button', { name: 'Grozīt projektu “Kurzeme visiem”' }).click();
    const form = project.getByRole('region', { name: 'Grozīt projektu', exact: true });
    const endDate = form.getByLabel(/^Beigu datums/);
    const oldEnd = await endDate.inputValue();
    const [d, m, y] = oldEnd.split('.');
    const newEnd = `${d}.${m}.${Number(y) + 1}`;

    // Nothing given but a wrong date: the errors at their inputs.
    await endDate.fill('31.02.2030');
    await form.getByRole('button', { name: 'Pārskatīt un saglabāt' }).click();
    await form.getByText('Norādiet grozījuma pamatojumu.').waitFor();
    await form.getByText(/Ievadiet datumu formā dd\.mm\.gggg/).waitFor();
    await assertAccessible(page, 'the amendment form with errors');

    await endDate.fill(newEnd);
    const reason = `Grozījumi Nr. E2E: termiņš pagarināts līdz ${newEnd}`;
    await form.getByLabel(/^Pamatojums/).fill(reason);
    await form.getByRole('button', { name: 'Pārskatīt un saglabāt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saglabāt projekta “Kurzeme visiem” grozījumu?' });
    await dialog.getByText(`Beigu datums: ${oldEnd} → ${newEnd}`).waitFor();
    await assertAccessible(page, 'the amendment confirmation');
    await dialog.getByRole('button', { name: 'Saglabāt grozījumu' }).click();
    await page.getByRole('status').filter({ hasText: /Grozījums Nr\. \d+ saglabāts/ }).waitFor();

    await page.reload();
    const history = main(page)
      .getByRole('region', { name: 'Kurzeme visiem', exact: true })
      .getByRole('table', { name: 'Projekta “Kurzeme visiem” grozījumi, jaunākie vispirms' });
    const row = history.getByRole('row').filter({ hasText: reason });
    await row.waitFor();
    const text = await row.textContent();
    assert.ok(text.includes(`Beigu datums: ${oldEnd} → ${newEnd}`), text);
    assert.ok(text.includes('Kārlis Koordinators'), text);
    await main(page).getByRole('region', { name: 'Kurzeme visiem', exact: true }).getByText(new RegExp(`– ${newEnd.replace(/\./g, '\\.')}`)).waitFor();
  });
});
