// Signing in and access in a real browser against the real server with its demo users: what
// each role sees, the refusal of an admin page to a municipality worker, user administration,
// the profile with its tokens (an app token running only trusted operations), a password change
// ending the other sessions, and axe-core on the sign-in, users and profile pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { assertAccessible, launchBrowser, openSignedIn, startServer, watchPage } from './harness.mjs';

const liepaja = { email: 'darbiniece.liepaja@atbalsts.example', password: 'liepaja-demo-2026', name: 'Līga Darbiniece' };
const admin = { email: 'admin@atbalsts.example', password: 'admin-demo-2026', name: 'Agnese Administratore' };
const analyst = { email: 'analitikis@atbalsts.example', password: 'analitikis-demo-2026', name: 'Andris Analītiķis' };

describe('signing in and access', { timeout: 240_000 }, () => {
  let server;
  let browser;
  let page;
  let watcher;

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    watcher = watchPage(page);
  });
  afterEach(async (t) => {
    await browser?.close();
    // A refused sign-in is a GraphQL error in an HTTP 200 answer, which the browser does not
    // log: any console error is a real problem.
    assert.deepEqual(watcher.problems(), [], `${t.name}: the page reported errors\n--- server output ---\n${server.logs()}`);
  });

  const banner = () => page.getByRole('banner');
  const nav = () => page.getByRole('navigation', { name: 'Galvenā navigācija' });

  async function signIn(user) {
    await page.getByLabel('E-pasta adrese').fill(user.email);
    await page.getByRole('textbox', { name: 'Parole', exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await banner().getByText(user.name, { exact: true }).waitFor();
  }

  it('tells a wrong password in the user language', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    await assertAccessible(page, 'the sign-in page');
    await page.getByLabel('E-pasta adrese').fill(liepaja.email);
    await page.getByRole('textbox', { name: 'Parole', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Nepareiza e-pasta adrese vai parole.').waitFor();
    await assertAccessible(page, 'the sign-in page with an error');

    await page.getByLabel('Valoda').selectOption('en');
    await alert.getByText('Wrong email address or password.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('shows a municipality worker only what the role may use and refuses the users admin page', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signIn(liepaja);
    assert.equal(new URL(page.url()).pathname, '/');
    await banner().getByText('Pašvaldības darbinieks', { exact: true }).waitFor();
    await nav().getByRole('link', { name: 'Profils' }).waitFor();
    assert.deepEqual(await nav().getByRole('link').allTextContents(), [
      'Sākums',
      'Mani apmeklējumi',
      'Bērni',
      'Projekti',
      'Pārbaude',
      'Kompensācijas',
      'Statistika',
      'Reģioni',
      'Pakalpojumi',
      'GraphQL konsole',
      'Profils',
    ]);
    assert.equal(await page.getByRole('link', { name: 'Lietotāji' }).count(), 0);

    // Typing the address of the admin page: a clear refusal, not the admin interface.
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Nav piekļuves' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await page.getByText('Šī lapa lomai “Pašvaldības darbinieks” nav pieejama.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Jauns lietotājs' }).count(), 0);
    await assertAccessible(page, 'the no-access page');

    // The profile: own data and scope.
    await nav().getByRole('link', { name: 'Profils' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mans profils' }).waitFor();
    await page.getByText(liepaja.email, { exact: true }).waitFor();
    await page.getByText('Liepāja', { exact: true }).waitFor();

    // Signing out ends it: the profile then asks to sign in again.
    await banner().getByRole('button', { name: 'Iziet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    await banner().getByRole('link', { name: 'Pieteikties' }).waitFor();
    await page.goto(`${server.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
  });

  it('lets an admin open the users page from its address after signing in, and create a user', async () => {
    // Not signed in: the address leads to the sign-in page, and from there back.
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Pieteikšanās' }).waitFor();
    await signIn(admin);
    await page.getByRole('heading', { level: 1, name: 'Lietotāji' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/users');
    await banner().getByText('Administrators', { exact: true }).waitFor();
    await nav().getByRole('link', { name: 'Lietotāji' }).waitFor();
    const table = page.getByRole('table', { name: 'Lietotāji' });
    await table.getByRole('rowheader', { name: liepaja.name }).waitFor();
    await assertAccessible(page, 'the users page');

    await page.getByRole('button', { name: 'Jauns lietotājs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Jauns lietotājs' });
    await dialog.getByLabel('E-pasta adrese').fill('jana.berzina@atbalsts.example');
    await dialog.getByLabel('Vārds, uzvārds').fill('Jana Bērziņa');
    await dialog.getByLabel('Loma').selectOption('MUNICIPALITY_WORKER');
    const municipalities = dialog.getByRole('combobox', { name: 'Pašvaldības' });
    await municipalities.fill('Liep');
    await page.getByRole('option', { name: 'Liepāja', exact: true }).click();
    await dialog.getByLabel('Sākotnējā parole').fill('sakotneja-parole-2026');
    await assertAccessible(page, 'the create-user dialog');
    await dialog.getByRole('button', { name: 'Izveidot lietotāju' }).click();

    await page.getByRole('status').getByText('Lietotājs “Jana Bērziņa” izveidots.').waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jana Bērziņa', exact: true }) });
    // The status comes with the mutation's answer; the list is asked again after it.
    await row.waitFor();
    assert.deepEqual((await row.getByRole('cell').allTextContents()).slice(0, 5), [
      'jana.berzina@atbalsts.example',
      'Pašvaldības darbinieks',
      'Liepāja',
      'aktīvs',
      'nekad',
    ]);

    // The same email again: the error is shown at the email field.
    await page.getByRole('button', { name: 'Jauns lietotājs' }).click();
    await dialog.getByLabel('E-pasta adrese').fill('jana.berzina@atbalsts.example');
    await dialog.getByLabel('Vārds, uzvārds').fill('Jana Otrā');
    await dialog.getByLabel('Loma').selectOption('MINISTRY_ANALYST');
    await dialog.getByLabel('Sākotnējā parole').fill('sakotneja-parole-2026');
    await dialog.getByRole('button', { name: 'Izveidot lietotāju' }).click();
    const email = dialog.getByLabel('E-pasta adrese');
    await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await email.elementHandle());
    await dialog.getByText('Šī e-pasta adrese nav derīga vai jau pieder citam lietotājam.').waitFor();
    await dialog.getByRole('button', { name: 'Atcelt' }).click();

    // Deactivation shows in the list at once.
    await table.getByRole('button', { name: 'Deaktivizēt lietotāju Jana Bērziņa' }).click();
    await page.getByRole('dialog', { name: 'Deaktivizēt lietotāju Jana Bērziņa?' }).getByRole('button', { name: 'Deaktivizēt' }).click();
    await row.getByRole('cell', { name: 'deaktivizēts', exact: true }).waitFor();
  });

  it('creates a personal access token on the profile page, shows its secret once, and revokes it', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signIn(liepaja);
    await page.goto(`${server.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mans profils' }).waitFor();
    await page.getByText('Jums vēl nav piekļuves marķieru.').waitFor();
    await assertAccessible(page, 'the profile page');

    await page.getByLabel('Nosaukums').fill('Komandas planšete');
    await page.getByLabel('Derīguma termiņš dienās').fill('30');
    await page.getByRole('button', { name: 'Izveidot marķieri' }).click();
    const secret = await page.getByLabel('Slepenā vērtība').inputValue();
    assert.ok(secret.length >= 20, `the secret ${secret} is too short`);

    // The secret works as a bearer token.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    assert.deepEqual(await res.json(), { data: { me: { name: liepaja.name } } });

    const tokens = page.getByRole('table', { name: 'Piekļuves marķieri' });
    await tokens.getByRole('rowheader', { name: 'Komandas planšete' }).waitFor();
    await assertAccessible(page, 'the profile page with a new token');

    await tokens.getByRole('button', { name: 'Atsaukt marķieri “Komandas planšete”' }).click();
    await page.getByRole('dialog', { name: 'Atsaukt piekļuves marķieri' }).getByRole('button', { name: 'Atsaukt marķieri' }).click();
    await page.getByText('Marķieris “Komandas planšete” atsaukts.').waitFor();
    await tokens.getByText(/^atsaukts \d\d\.\d\d\.\d{4} \d\d:\d\d$/).waitFor();
    const after = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    assert.equal(after.status, 401);
  });

  it('sends its queries by hash alone, and creates an app token that runs only trusted operations', async () => {
    const graphqlGets = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (req.method() === 'GET' && url.pathname === '/graphql') graphqlGets.push(url.searchParams);
    });
    await page.goto(`${server.url}/sign-in`);
    await signIn(liepaja);
    await page.goto(`${server.url}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mans profils' }).waitFor();
    // The web app's queries are trusted operations: a GET with the manifest's hash, no text.
    assert.ok(graphqlGets.length > 0, 'no query was sent by GET');
    for (const params of graphqlGets) {
      assert.equal(params.get('query'), null, `a query went with its text: ${params.get('operationName')}`);
      assert.match(JSON.parse(params.get('extensions')).persistedQuery.sha256Hash, /^[0-9a-f]{64}$/);
    }

    await page.getByLabel('Nosaukums').fill('Lietotne planšetē');
    await page.getByRole('radio', { name: 'Lietotnes' }).check();
    await page.getByRole('button', { name: 'Izveidot marķieri' }).click();
    const secret = await page.getByLabel('Slepenā vērtība').inputValue();
    const tokens = page.getByRole('table', { name: 'Piekļuves marķieri' });
    await tokens.getByRole('row', { name: /Lietotne planšetē/ }).getByRole('cell', { name: 'lietotnes', exact: true }).waitFor();
    await assertAccessible(page, 'the profile page with an app token');

    const ask = async (body) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
        body: JSON.stringify(body),
      });
      return res.json();
    };
    // The mobile client's operation, by its hash alone, runs; an ad-hoc query does not.
    const mobile = JSON.parse(readFileSync(new URL('../../examples/mobile-client/persisted.json', import.meta.url), 'utf8'));
    const hash = mobile.operations.MobileMe.sha256Hash;
    const me = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    assert.equal(me.data?.me?.name, liepaja.name);
    const refused = await ask({ query: '{ me { name } }' });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_REQUIRED');
    assert.equal(refused.data ?? null, null);
  });

  it('ends the other sessions on a password change and keeps this one working', async () => {
    const other = await openSignedIn(server.url, analyst.email, analyst.password);
    try {
      await page.goto(`${server.url}/sign-in`);
      await signIn(analyst);
      await page.goto(`${server.url}/profile`);
      const form = page.getByRole('region', { name: 'Paroles maiņa' });
      await form.getByRole('textbox', { name: 'Pašreizējā parole', exact: true }).fill(analyst.password);
      await form.getByRole('textbox', { name: 'Jaunā parole', exact: true }).fill('a new password of Andris');
      await form.getByRole('textbox', { name: 'Jaunā parole vēlreiz', exact: true }).fill('a new password of Andris');
      await form.getByRole('checkbox', { name: 'Atsaukt arī visus manus piekļuves marķierus' }).check();
      await form.getByRole('button', { name: 'Mainīt paroli' }).click();
      await form.getByText('Parole nomainīta. Pārējās jūsu sesijas ir beigtas, un visi jūsu piekļuves marķieri ir atsaukti.').waitFor();

      // This session goes on under a new session and CSRF token: a mutation still works.
      await page.getByLabel('Nosaukums').fill('Pēc paroles maiņas');
      await page.getByLabel('Derīguma termiņš dienās').fill('1');
      await page.getByRole('button', { name: 'Izveidot marķieri' }).click();
      await page.getByLabel('Slepenā vērtība').waitFor();

      // The other browser's session has ended: it is asked to sign in again.
      await other.page.goto(`${server.url}/profile`);
      await other.page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
      assert.deepEqual(other.watcher.problems(), []);
    } finally {
      await other.browser.close();
    }
  });
});
