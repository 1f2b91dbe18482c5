// The safety of everyday work in a real browser against the real server and its demo data:
// steps that cannot be undone ask first (closing a plan, withdrawing and rejecting an
// application, approving and paying a claim, deactivating a user), Cancel and Escape keep
// things as they were and Confirm does the step and says so; the plan editor asks before its
// unsaved changes are lost (in the app, and the browser's own question on leaving the page);
// dates are shown and typed as dd.mm.yyyy in Latvian, or picked from a calendar by keyboard;
// axe-core on forms showing errors, on the calendar and on open dialogs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
  admin: ['admin@atbalsts.example', 'admin-demo-2026'],
};

/** Today in Riga as dd.mm.yyyy. */
function todayLv() {
  const [y, m, d] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' }).split('-');
  return `${d}.${m}.${y}`;
}

describe('safety of steps, changes and dates', { timeout: 300_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;
  const main = (page) => page.getByRole('main');
  const nav = (page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });

  /** Opens a child's page from the children list, found by the search. */
  async function openChild(page, lastName, name) {
    await nav(page).getByRole('link', { name: 'Bērni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bērni' }).waitFor();
    await page.getByLabel('Meklēt', { exact: true }).fill(lastName);
    await main(page).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it("quick entry starts on the ended plan's last day, dates are dd.mm.yyyy typed or picked; closing the plan asks first", async () => {
    const worker = await signedIn('liepaja');
    await openChild(worker, 'Kalniņa', 'Kalniņa Elza');
    await main(worker).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    await worker.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Kalniņa Elza' }).waitFor();

    // The plan (01.03.2021 – 28.02.2022) has ended: quick entry offers its last day, not today.
    const entry = worker.getByRole('form', { name: 'Ātrā ievade' });
    const date = entry.getByLabel(/^Datums/);
    assert.equal(await date.inputValue(), '28.02.2022');
    await entry.getByText('dd.mm.gggg').waitFor();

    // No such day: said on leaving the field, in Latvian.
    await date.fill('31.02.2022');
    await date.press('Tab');
    await entry.getByText('Ievadiet datumu formā dd.mm.gggg, piemēram, 15.03.2021.').waitFor();
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    await assertAccessible(worker, 'quick entry showing a wrong date');

    // The calendar: opened by its button, in Latvian, moved by keyboard, a day picked by Enter.
    await date.fill('15.02.2022');
    const open = entry.getByRole('button', { name: 'Izvēlēties kalendārā: Datums' });
    await open.click();
    const grid = worker.getByRole('grid');
    await grid.waitFor();
    assert.match(await worker.locator(`[id="${await grid.getAttribute('aria-labelledby')}"]`).textContent(), /^2022\. g\. februāris$/);
    assert.match(await worker.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /2022\. gada 15\. februāris/);
    await assertAccessible(worker, 'the open calendar');
    await worker.keyboard.press('ArrowDown'); // 22.02.
    await worker.keyboard.press('ArrowLeft'); // 21.02.
    await worker.keyboard.press('Enter');
    await grid.waitFor({ state: 'hidden' });
    assert.equal(await date.inputValue(), '21.02.2022');
    // Escape leaves the calendar without picking; focus is back on its button.
    await open.click();
    await grid.waitFor();
    await worker.keyboard.press('ArrowRight');
    await worker.keyboard.press('Escape');
    await grid.waitFor({ state: 'hidden' });
    assert.equal(await date.inputValue(), '21.02.2022');
    assert.equal(await worker.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Izvēlēties kalendārā: Datums');

    // Closing stands apart, after the delivery log and its quick entry.
    const closing = main(worker).getByRole('region', { name: 'Plāna slēgšana' });
    const log = main(worker).getByRole('region', { name: 'Sniegto pakalpojumu žurnāls' });
    assert.equal(
      await log.evaluate((l, c) => Boolean(l.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING), await closing.elementHandle()),
      true,
    );
    const close = closing.getByRole('button', { name: 'Slēgt plānu' });
    // The decision date: today, as dd.mm.yyyy.
    assert.equal(await closing.getByLabel(/^Lēmuma datums/).inputValue(), todayLv());

    await close.click();
    const dialog = worker.getByRole('dialog', { name: 'Slēgt plānu?' });
    await dialog.getByText(/neatgriezeniski/).waitFor();
    await assertAccessible(worker, 'the dialog before closing a plan');
    await worker.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await worker.waitForFunction(() => document.activeElement?.textContent === 'Slēgt plānu');
    await dialog.page().waitForTimeout(100);
    await close.click();
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await closing.getByText('Plāns slēgts.').count(), 0);
    assert.equal(await worker.getByRole('form', { name: 'Ātrā ievade' }).count(), 1);

    await close.click();
    await dialog.getByRole('button', { name: 'Slēgt plānu' }).click();
    await closing.getByRole('status').getByText('Plāns slēgts.').waitFor();
    await worker.getByRole('form', { name: 'Ātrā ievade' }).waitFor({ state: 'detached' });
  });

  it('the plan editor asks before unsaved changes are lost: in the app, and on leaving the page', async () => {
    const worker = await signedIn('liepaja');
    await openChild(worker, 'Ozols', 'Ozols Mārtiņš');
    await main(worker).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    const title = 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš';
    await worker.getByRole('heading', { level: 1, name: title }).waitFor();

    // The plan's dates as dd.mm.yyyy; a wrong one is said at once.
    const from = worker.getByLabel(/^Derīgs no/);
    assert.match(await from.inputValue(), /^\d{2}\.\d{2}\.\d{4}$/);
    const fromBefore = await from.inputValue();
    await from.fill('32.01.2021');
    await from.press('Tab');
    await worker.getByText('Ievadiet datumu formā dd.mm.gggg, piemēram, 15.03.2021.').waitFor();
    await assertAccessible(worker, 'the plan editor showing a wrong date');
    await from.fill(fromBefore);

    const budget = worker.getByLabel(/^Individuālais budžets/);
    await budget.fill('1999');
    await nav(worker).getByRole('link', { name: 'Bērni' }).click();
    const dialog = worker.getByRole('dialog', { name: 'Aiziet un zaudēt izmaiņas?' });
    await dialog.waitFor();
    await assertAccessible(worker, 'the dialog about unsaved changes');
    await dialog.getByRole('button', { name: 'Palikt lapā' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await worker.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await budget.inputValue(), '1999');

    // Leaving the page (closing the tab, a reload) gets the browser's own question.
    const asked = new Promise((resolve) => worker.once('dialog', (d) => resolve(d)));
    await worker.close({ runBeforeUnload: true });
    const question = await asked;
    assert.equal(question.type(), 'beforeunload');
    await question.dismiss();
    assert.equal(worker.isClosed(), false);

    await nav(worker).getByRole('link', { name: 'Bērni' }).click();
    await dialog.getByRole('button', { name: 'Aiziet un zaudēt izmaiņas' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Bērni' }).waitFor();
  });

  it('withdrawing and rejecting an application ask first; the decision date is today', async () => {
    const worker = await signedIn('liepaja');
    await openChild(worker, 'Ozoliņa', 'Ozoliņa Amēlija');
    const card = main(worker).getByRole('article', { name: /DEMO-2127-K-001/ });
    await card.waitFor();
    assert.equal(await card.getByLabel(/^Lēmuma datums/).inputValue(), todayLv());

    await card.getByRole('button', { name: 'Atsaukt' }).click();
    const withdraw = worker.getByRole('dialog', { name: 'Atsaukt pieteikumu?' });
    await withdraw.getByText(/tiks atsaukts neatgriezeniski/).waitFor();
    await assertAccessible(worker, 'the dialog before withdrawing an application');
    await withdraw.getByRole('button', { name: 'Atcelt' }).click();
    await withdraw.waitFor({ state: 'hidden' });

    await card.getByRole('button', { name: 'Noraidīt' }).click();
    await card.getByLabel(/^Noraidīšanas iemesls/).fill('Nav vajadzīgo dokumentu');
    await card.getByRole('button', { name: 'Noraidīt iesniegumu' }).click();
    const reject = worker.getByRole('dialog', { name: 'Noraidīt pieteikumu?' });
    await reject.waitFor();
    await worker.keyboard.press('Escape');
    await reject.waitFor({ state: 'hidden' });
    assert.equal(await card.getByRole('status').getByText('Pieteikums noraidīts.').count(), 0);
    await card.getByRole('button', { name: 'Atcelt' }).click();

    await card.getByRole('button', { name: 'Atsaukt' }).click();
    await withdraw.getByRole('button', { name: 'Atsaukt pieteikumu' }).click();
    await card.getByRole('status').getByText('Pieteikums atsaukts.').waitFor();
    await card.getByLabel(/^Lēmuma datums/).waitFor({ state: 'detached' });
    assert.equal(await card.getByRole('button', { name: 'Atsaukt', exact: true }).count(), 0);
  });

  it("approving and paying a claim ask first, with the claim's amount", async () => {
    const coordinator = await signedIn('coordinator');
    await nav(coordinator).getByRole('link', { name: 'Kompensācijas' }).click();
    await main(coordinator).getByRole('link', { name: '01.07.2021 – 30.09.2021' }).click();
    await coordinator.getByRole('heading', { level: 1, name: /^Kompensācijas pieprasījums/ }).waitFor();
    const decisions = main(coordinator).getByRole('region', { name: 'Lēmums' });

    await decisions.getByRole('button', { name: 'Apstiprināt' }).click();
    const approve = coordinator.getByRole('dialog', { name: 'Apstiprināt pieprasījumu?' });
    await approve.getByText(/^Pieprasījums par .+€ tiks apstiprināts izmaksai/).waitFor();
    await assertAccessible(coordinator, 'the dialog before approving a claim');
    await approve.getByRole('button', { name: 'Atcelt' }).click();
    await approve.waitFor({ state: 'hidden' });
    assert.equal(await decisions.getByRole('button', { name: 'Atzīmēt kā izmaksātu' }).count(), 0);

    await decisions.getByRole('button', { name: 'Apstiprināt' }).click();
    await approve.getByRole('button', { name: 'Apstiprināt pieprasījumu' }).click();
    await decisions.getByRole('status').getByText('Pieprasījums apstiprināts.').waitFor();

    const pay = coordinator.getByRole('dialog', { name: 'Atzīmēt pieprasījumu kā izmaksātu?' });
    await decisions.getByRole('button', { name: 'Atzīmēt kā izmaksātu' }).click();
    await pay.waitFor();
    await coordinator.keyboard.press('Escape');
    await pay.waitFor({ state: 'hidden' });
    assert.equal(await decisions.getByText('Pieprasījums atzīmēts kā izmaksāts.').count(), 0);
    await decisions.getByRole('button', { name: 'Atzīmēt kā izmaksātu' }).click();
    await pay.getByRole('button', { name: 'Atzīmēt kā izmaksātu' }).click();
    await decisions.getByRole('status').getByText('Pieprasījums atzīmēts kā izmaksāts.').waitFor();
  });

  it('deactivating a user asks first', async () => {
    const admin = await signedIn('admin');
    await admin.goto(`${server.url}/admin/users`);
    const table = main(admin).getByRole('table');
    const deactivate = table.getByRole('button', { name: 'Deaktivizēt lietotāju Andris Analītiķis' });
    await deactivate.click();
    const dialog = admin.getByRole('dialog', { name: 'Deaktivizēt lietotāju Andris Analītiķis?' });
    await dialog.getByText(/tiks izrakstīts/).waitFor();
    await assertAccessible(admin, 'the dialog before deactivating a user');
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await deactivate.count(), 1);

    await deactivate.click();
    await dialog.getByRole('button', { name: 'Deaktivizēt' }).click();
    await table.getByRole('button', { name: 'Aktivizēt lietotāju Andris Analītiķis' }).waitFor();
    await main(admin).getByText(/Lietotājs “Andris Analītiķis” deaktivizēts/).waitFor();
  });
});
