// The case registry in a real browser against the real server and its demo data: a
// municipality worker edits and submits a draft plan which the region's coordinator approves;
// a worker cannot reach a child of another municipality by any way; axe-core on the children
// list, the child page and the plan editor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const NBSP = '\u00a0';
const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
  admin: ['admin@atbalsts.example', 'admin-demo-2026'],
};

describe('the case registry', { timeout: 300_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;

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

  it('the Kurzeme coordinator reads the projects: "Kurzeme visiem" with its budget split and child session caps over time', async () => {
    const coordinator = await signedIn('coordinator');
    await coordinator.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Projekti' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Projekti' }).waitFor();
    const project = main(coordinator).getByRole('region', { name: 'Kurzeme visiem' });
    await project.getByRole('heading', { level: 2, name: 'Kurzeme visiem' }).waitFor();
    assert.equal(new URL(coordinator.url()).pathname, '/projects');

    const cells = async (name) =>
      project.getByRole('table', { name }).locator('tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent)));
    const money = (s) => s.replace(/ /g, NBSP);
    assert.deepEqual(await cells('Finansējuma avoti projektam “Kurzeme visiem”'), [
      ['Avots', 'Daļa', 'Summa'],
      ['Eiropas Sociālais fonds', `85${NBSP}%`, money('6 545 000,00 €')],
      ['valsts budžets', `15${NBSP}%`, money('1 155 000,00 €')],
      ['Kopā', `100${NBSP}%`, money('7 700 000,00 €')],
    ]);
    const caps = await cells('Ierobežojumu noteikumi projektam “Kurzeme visiem” laika gaitā');
    const childCaps = caps.filter((row) => row[0] === 'bērna nodarbības projektā').map((row) => [row[2], row[3]]);
    assert.deepEqual(childCaps, [
      ['40', '01.01.2016'],
      ['100', '01.09.2020'],
      ['bez ierobežojuma', '22.04.2022'],
    ]);
    assert.ok(caps.some((row) => row[0] === 'aprūpes mājās stundas nedēļā' && row[1] === '0–4 gadi' && row[2] === '50'), JSON.stringify(caps));
    await project.getByRole('list', { name: 'Sadarbības pašvaldības' }).getByText('Tukuma novads', { exact: true }).waitFor();
    await assertAccessible(coordinator, 'the projects page');

    await coordinator.getByLabel('Valoda').selectOption('en');
    await coordinator.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await project.getByRole('table', { name: 'Funding sources of “Kurzeme visiem”' }).getByText('€6,545,000.00').waitFor();
    await assertAccessible(coordinator, 'the projects page in English');
  });

  it("a Liepāja worker links a sibling's registered mother to another child, then removes the link again", async () => {
    const worker = await signedIn('liepaja');
    await worker.goto(`${server.url}/children`);
    await main(worker).getByRole('link', { name: 'Kalniņa Elza' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Kalniņa Elza' }).waitFor();
    const parents = main(worker).getByRole('region', { name: 'Vecāki un likumiskie pārstāvji' });

    await parents.getByRole('button', { name: 'Piesaistīt reģistrētu vecāku' }).click();
    const form = parents.getByRole('form', { name: 'Piesaistīt jau reģistrētu vecāku' });
    // Keyboard only: the search box has focus (once the form is in: it may still be on its way
    // when the click returns), Enter searches.
    const box = form.getByLabel('Meklēt vecāku');
    await worker.waitForFunction((el) => document.activeElement === el, await box.elementHandle());
    await worker.keyboard.type('Ozola');
    await worker.keyboard.press('Enter');
    await form.getByText('Atrasts 1 vecāks').waitFor();
    await form.getByRole('radio', { name: /^Ozola Dace/ }).check();
    await form.getByLabel(/^Radniecība/).selectOption('GUARDIAN');
    await form.getByRole('checkbox', { name: 'Likumiskais pārstāvis' }).uncheck();
    await assertAccessible(worker, 'the child page with the link-a-parent form');
    await form.getByRole('button', { name: 'Piesaistīt' }).click();

    const row = parents.getByRole('row', { name: /Ozola Dace/ });
    await row.waitFor();
    assert.deepEqual(await row.locator('td').allTextContents().then((cells) => cells.slice(0, 2)), ['aizbildnis', 'Nē']);
    // Focus went back to the button that opened the form.
    assert.equal(await worker.evaluate(() => document.activeElement?.textContent), 'Piesaistīt reģistrētu vecāku');

    await parents.getByRole('button', { name: 'Noņemt saiti: Ozola Dace' }).click();
    const dialog = worker.getByRole('dialog', { name: 'Noņemt saiti ar vecāku?' });
    await dialog.getByText('Ozola Dace vairs nebūs piesaistīts bērnam Kalniņa Elza.').waitFor();
    // Axe reads colours: wait until the dialog has faded in.
    await worker.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await assertAccessible(worker, 'the confirmation of removing a link');
    await dialog.getByRole('button', { name: 'Noņemt saiti' }).click();
    await row.waitFor({ state: 'detached' });
    // The mother's record stays: she is still Mārtiņš's mother.
    await worker.goto(`${server.url}/children`);
    await main(worker).getByRole('link', { name: 'Ozols Mārtiņš' }).click();
    await main(worker).getByRole('region', { name: 'Vecāki un likumiskie pārstāvji' }).getByRole('rowheader', { name: 'Ozola Dace' }).waitFor();
  });
});
