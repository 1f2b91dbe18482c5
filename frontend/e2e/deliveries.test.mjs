// Delivered sessions to compensation in a real browser against the real server and its demo
// data: a Liepāja worker records a session on an active plan through quick entry and sees the
// usage change, verifies it in the queue, prepares a claim whose preview shows the totals and
// submits it; the Kurzeme coordinator approves it. axe-core on every page on the way.
//
// The demo has a year of deliveries on workdays, verified up to January 2022, and Liepāja's
// claims up to September 2021. The session here is on a Sunday in October 2021: a claim of that
// one day holds it alone, whatever else the demo records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const NBSP = '\u00a0';
const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
};

describe('deliveries and claims', { timeout: 300_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;

  const main = (page) => page.getByRole('main');

  /** Waits for `target` in a list that grows page by page, asking for more pages as needed. */
  async function findInPages(page, target) {
    const more = main(page).getByRole('button', { name: 'Rādīt vairāk' });
    const deadline = Date.now() + 15_000;
    while (!(await target.count())) {
      assert.ok(Date.now() < deadline, `${target} did not appear`);
      if (await more.count()) await more.click();
      else await page.waitForTimeout(200);
    }
  }
  const nav = (page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });

  it('a Liepāja worker records a session, verifies it and claims it; the Kurzeme coordinator approves the claim', async () => {
    const worker = await signedIn('liepaja');

    // The active plan of a Liepāja child (valid 01.03.2021 – 28.02.2022 in the demo data).
    await nav(worker).getByRole('link', { name: 'Bērni' }).click();
    await main(worker).getByRole('link', { name: 'Kalniņa Elza' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Kalniņa Elza' }).waitFor();
    await main(worker).getByRole('region', { name: 'Ierobežojumu izlietojums' }).getByRole('table').waitFor();
    await assertAccessible(worker, 'the child page with its caps');
    await main(worker).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    await worker.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Kalniņa Elza' }).waitFor();

    const physio = worker.getByRole('meter', { name: 'Izlietojums: Fizioterapija (bērns)' });
    await physio.waitFor();
    const delivered = Number(/^Plānots: 20 nodarbību; sniegts: (\d+) /.exec(await physio.getAttribute('aria-valuetext'))?.[1]);
    assert.ok(delivered < 20, 'the demo leaves sessions of the line to record');
    const entry = worker.getByRole('form', { name: 'Ātrā ievade' });
    await assertAccessible(worker, 'the plan editor with usage, quick entry and the log');

    // A date after the plan's end is refused at the field, in Latvian, and nothing is recorded.
    // Physiotherapy, the plan's first line, is offered first; the day offered is the plan's
    // last (it has ended).
    assert.match(await entry.getByLabel(/^Pakalpojums/).evaluate((s) => s.selectedOptions[0].textContent), /^Fizioterapija \(bērns\) — /);
    assert.equal(await entry.getByLabel(/^Datums/).inputValue(), '28.02.2022');
    await entry.getByLabel(/^Datums/).fill('15.03.2023');
    await entry.getByRole('button', { name: 'Reģistrēt' }).click();
    await entry.getByText('Datums nevar būt vēlāks par 28.02.2022.').waitFor();

    await entry.getByLabel(/^Datums/).fill('17.10.2021');
    await entry.getByLabel(/^Speciālists/).fill('Pēteris Fizioterapeits');
    await entry.getByRole('button', { name: 'Reģistrēt' }).click();
    await entry.getByText('Reģistrēts: 17.10.2021, Fizioterapija (bērns), 1 nodarbība.').waitFor();
    // The usage and the log follow.
    await worker.waitForFunction(
      (n) =>
        document.querySelector('[role="meter"][aria-label="Izlietojums: Fizioterapija (bērns)"]')?.getAttribute('aria-valuetext')?.includes(`sniegts: ${n} `),
      delivered + 1,
    );
    const log = main(worker).getByRole('table', { name: 'Sniegto pakalpojumu žurnāls' });
    // The log is latest first: the session of October is on a later page than February's.
    const row = log.getByRole('row', { name: /Pēteris Fizioterapeits/ });
    await findInPages(worker, row);
    await row.getByText('reģistrēts', { exact: true }).waitFor();
    assert.match(await row.textContent(), /Pēteris Fizioterapeits/);
    await assertAccessible(worker, 'the plan editor after recording');

    // The verification queue.
    await nav(worker).getByRole('link', { name: 'Pārbaude' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Sniegto pakalpojumu pārbaude' }).waitFor();
    // The demo's deliveries of February 2022 wait here too, before ours (latest first).
    await main(worker).getByRole('table', { name: 'Pārbaudāmie ieraksti' }).waitFor();
    const select = main(worker).getByRole('checkbox', { name: 'Atlasīt: 17.10.2021, Fizioterapija, Kalniņa Elza' });
    await findInPages(worker, select);
    await assertAccessible(worker, 'the verification queue');
    await select.check();
    await main(worker).getByRole('button', { name: 'Pārbaudīt atlasīto (1)' }).click();
    await main(worker).getByText('Pārbaudīts 1 ieraksts.').waitFor();
    await select.waitFor({ state: 'detached' });

    // A claim for March 2021.
    await nav(worker).getByRole('link', { name: 'Kompensācijas' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Izdevumu kompensācijas pieprasījumi' }).waitFor();
    // The demo's claims: March to June 2021 paid, July to September submitted.
    await main(worker).getByRole('link', { name: '01.07.2021 – 30.09.2021' }).waitFor();
    await assertAccessible(worker, 'the claims list');
    await main(worker).getByRole('link', { name: 'Sagatavot pieprasījumu' }).click();
    await worker.getByRole('heading', { level: 1, name: 'Jauns kompensācijas pieprasījums' }).waitFor();
    const period = main(worker).getByRole('form', { name: 'Pieprasījuma periods' });
    // Liepāja is the worker's only municipality (chosen); of its projects (the demo has one
    // running today too) the worker chooses "Kurzeme visiem".
    const kurzeme = period.getByLabel(/^Projekts/).locator('option', { hasText: 'Kurzeme visiem' });
    await kurzeme.waitFor({ state: 'attached' });
    await period.getByLabel(/^Projekts/).selectOption((await kurzeme.getAttribute('value')) ?? '');
    await period.getByLabel(/^Periods no/).fill('17.10.2021');
    await period.getByLabel(/^Periods līdz/).fill('17.10.2021');
    await period.getByRole('button', { name: 'Aprēķināt' }).click();
    const preview = main(worker).getByRole('region', { name: 'Pieprasījums par 17.10.2021 – 17.10.2021' });
    await preview.waitFor();
    const summary = await preview.getByRole('status').textContent();
    // Physiotherapy at the provider's 2021 price, 28,00 €, split 85 % / 15 %.
    assert.equal(summary, `1 ieraksts, 1 bērns, kopā 28,00${NBSP}€.`);
    const cells = async (name) =>
      preview.getByRole('table', { name }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent)));
    assert.deepEqual(await cells('Pa pakalpojumu veidiem'), [
      ['Fizioterapija', '1 nodarbība', '1', '1', `28,00${NBSP}€`],
      ['Kopā', '', '1', '', `28,00${NBSP}€`],
    ]);
    assert.deepEqual(await cells('Pa finansējuma avotiem'), [
      ['Eiropas Sociālais fonds', `85${NBSP}%`, `23,80${NBSP}€`],
      ['valsts budžets', `15${NBSP}%`, `4,20${NBSP}€`],
      ['Kopā', '', `28,00${NBSP}€`],
    ]);
    await assertAccessible(worker, 'the claim preview');
    await preview.getByRole('button', { name: 'Iesniegt pieprasījumu' }).click();

    const claimTitle = `Kompensācijas pieprasījums: Liepāja, 17.10.2021 – 17.10.2021`;
    await worker.getByRole('heading', { level: 1, name: claimTitle }).waitFor();
    await main(worker).getByText('Pieprasījums iesniegts.').waitFor();
    const csv = main(worker).getByRole('link', { name: 'Lejupielādēt pieprasījumu CSV formātā' });
    const href = await csv.getAttribute('href');
    assert.match(href, /^\/exports\/claims\/.+\.csv$/);
    await main(worker).getByRole('link', { name: 'Lejupielādēt pieprasījumu PDF formātā' }).waitFor();
    // The worker submits; the region decides.
    assert.equal(await main(worker).getByRole('button', { name: 'Apstiprināt' }).count(), 0);
    await main(worker).getByRole('table', { name: 'Iekļautie sniegtie pakalpojumi' }).getByRole('link', { name: 'Kalniņa Elza' }).waitFor();
    await assertAccessible(worker, 'the submitted claim');
    const claimPath = new URL(worker.url()).pathname;

    // The download is the claim's statement, for the signed-in worker.
    const download = await worker.evaluate(async (path) => {
      const res = await fetch(path);
      return { status: res.status, type: res.headers.get('content-type') };
    }, href);
    assert.equal(download.status, 200);

    const coordinator = await signedIn('coordinator');
    await nav(coordinator).getByRole('link', { name: 'Kompensācijas' }).click();
    await main(coordinator).getByRole('link', { name: '17.10.2021 – 17.10.2021' }).click();
    await coordinator.getByRole('heading', { level: 1, name: claimTitle }).waitFor();
    assert.equal(new URL(coordinator.url()).pathname, claimPath);
    // Nothing to prepare for the region: it decides.
    assert.equal(await nav(coordinator).getByRole('link', { name: 'Pārbaude' }).count(), 0);
    await assertAccessible(coordinator, 'the claim for the coordinator');
    await main(coordinator).getByRole('button', { name: 'Apstiprināt' }).click();
    await coordinator.getByRole('dialog', { name: 'Apstiprināt pieprasījumu?' }).getByRole('button', { name: 'Apstiprināt pieprasījumu' }).click();
    await main(coordinator).getByRole('button', { name: 'Atzīmēt kā izmaksātu' }).waitFor();
    const status = main(coordinator).locator('dl div').filter({ hasText: /^Statuss/ }).locator('dd');
    assert.equal(await status.textContent(), 'apstiprināts');
    await assertAccessible(coordinator, 'the approved claim');
  });
});
