// The whole chain on today's date for a new child, in a real browser against the real server
// and its demo data, in Latvian: a Liepāja worker registers a child and a parent, submits an
// application to the current project ("Ģimeniska vide Kurzemē un Latgalē", DEMO-2127-K-001)
// and accepts it, schedules, records and completes an assessment with "Piemērs", creates a
// support plan with a physiotherapy line and submits it; the Kurzeme coordinator approves it;
// the worker activates it, records a session today, verifies it and claims it. Every step
// waits for its success message (role=status); dates are typed and read as dd.mm.yyyy; axe-core
// on the registration form, the plan editor and the claim preview.
//
// The demo's present (demo/today.go) is counted from the day the server loads it, so every
// date here is today's, in Riga as the app counts it.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { assertAccessible, openSignedIn, startServer } from './harness.mjs';

const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
  coordinator: ['koordinators.kurzeme@atbalsts.example', 'koordinators-demo-2026'],
};
const project = { name: 'Ģimeniska vide Kurzemē un Latgalē', code: 'DEMO-2127-K-001' };
const provider = 'Rehabilitācijas centrs "Piemērs"';

/** A day in Riga as yyyy-mm-dd, `days` from today and `months` on. */
function rigaDay({ days = 0, months = 0 } = {}) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number);
  const day = new Date(Date.UTC(y, m - 1 + months, d + days));
  return day.toISOString().slice(0, 10);
}
/** yyyy-mm-dd as the app shows and takes it: dd.mm.yyyy. */
const lv = (iso) => iso.split('-').reverse().join('.');

/**
 * A personal code of the new format (32NNNN-NNNNN) no one else has: the test range of the
 * Smart-ID demo codes (329999-99901) is the pattern; the digits come from the clock, so that
 * two runs against one database do not collide.
 */
function newPersonalCode() {
  const digits = String(Date.now() % 1_000_000_000).padStart(9, '0');
  return `32${digits.slice(0, 4)}-${digits.slice(4)}`;
}

describe('the whole chain today', { timeout: 600_000 }, () => {
  let server;
  const browsers = [];
  const watchers = [];

  before(async () => {
    server = await startServer();
  });
  after(async () => {
    while (browsers.length) await browsers.pop().close();
    await server?.stop();
  });
  // The tab lives through all three tests: each reports only what its own steps brought up.
  let reported = 0;
  afterEach(async (t) => {
    const all = watchers.flatMap((w) => w.problems());
    const problems = all.slice(reported);
    reported = all.length;
    assert.deepEqual(problems, [], `${t.name}: the page reported errors\n--- server output ---\n${server.logs()}`);
  });

  /** The one browser tab of the whole chain: users take turns in it, signing out and in. */
  let page;
  async function signedIn(who) {
    if (!page) {
      const opened = await openSignedIn(server.url, ...users[who]);
      browsers.push(opened.browser);
      watchers.push(opened.watcher);
      page = opened.page;
      return page;
    }
    await step(page, `sign out and sign in as ${users[who][0]}`, async () => {
      await page.getByRole('button', { name: 'Iziet' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
      await page.getByLabel('E-pasta adrese').fill(users[who][0]);
      await page.getByLabel(/^Parole/).fill(users[who][1]);
      await page.getByRole('button', { name: 'Pieteikties' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    });
    return page;
  }
  const main = (page) => page.getByRole('main');
  const nav = (page) => page.getByRole('navigation', { name: 'Galvenā navigācija' });
  /** A date field by its label: the text box, not its calendar button. */
  const dateField = (scope, label) => scope.getByRole('textbox', { name: new RegExp(`^${label}`) });

  /**
   * Runs one step; if it fails, says which step and what the page showed then (its main
   * region as an accessibility tree), so that the failure reads without a browser.
   */
  async function step(page, name, fn) {
    try {
      return await fn();
    } catch (err) {
      let shown = '';
      try {
        shown = await main(page).ariaSnapshot({ timeout: 3000 });
      } catch {
        shown = '(the page could not be read)';
      }
      err.message = `step "${name}" failed at ${page.url()}: ${err.message}\n--- the page showed ---\n${shown}`;
      throw err;
    }
  }
  /** Chooses the option of a native select whose text matches `pattern`; fails naming the options there are. */
  async function choose(select, pattern) {
    const options = await select.evaluate((s) => [...s.options].map((o) => ({ value: o.value, text: o.textContent })));
    const option = options.find((o) => pattern.test(o.text));
    assert.ok(option, `no option matching ${pattern}; there are: ${options.map((o) => o.text).join(' | ')}`);
    await select.selectOption(option.value);
  }
  /** Chooses the first real option of a select still on "— izvēlieties —". */
  async function chooseFirstIfEmpty(select) {
    if ((await select.inputValue()) === '') await select.selectOption({ index: 1 });
  }
  /** Waits for a success message (role=status) with this text in `scope`. */
  async function success(scope, text) {
    await scope.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  }

  const today = rigaDay();
  const planTo = rigaDay({ months: 6, days: -1 });
  const child = { first: 'Ilze', last: `Ķēdīte${Date.now().toString(36).slice(-4)}`, born: '2018-05-14' };
  const fullName = `${child.last} ${child.first}`;
  const parent = { first: 'Inese', last: child.last };
  let planPath;

  it('a Liepāja worker registers a new child and a parent, applies, accepts, assesses, plans and submits the plan', async () => {
    const worker = await signedIn('liepaja');

    // (1) Registration.
    await step(worker, 'open the registration form', async () => {
      await nav(worker).getByRole('link', { name: 'Bērni' }).click();
      await worker.getByRole('heading', { level: 1, name: 'Bērni' }).waitFor();
      await main(worker).getByRole('link', { name: 'Reģistrēt bērnu' }).click();
      await worker.getByRole('heading', { level: 1, name: 'Bērna reģistrēšana' }).waitFor();
    });
    await step(worker, 'fill in the registration form', async () => {
      const form = main(worker);
      await form.getByRole('textbox', { name: /^Personas kods/ }).fill(newPersonalCode());
      await dateField(form, 'Dzimšanas datums').fill(lv(child.born));
      await form.getByRole('textbox', { name: /^Vārds/ }).fill(child.first);
      await form.getByRole('textbox', { name: /^Uzvārds/ }).fill(child.last);
      await form.getByRole('combobox', { name: /^Dzimums/ }).selectOption({ label: 'sieviete' });
      await form.getByRole('combobox', { name: /^Pašvaldība/ }).selectOption({ label: 'Liepāja' });
      await form.getByRole('combobox', { name: /^Dzīvesvieta/ }).selectOption({ index: 1 });
      await dateField(form, 'Invaliditāte no').fill(lv('2021-02-01'));
      await dateField(form, 'Invaliditāte līdz').fill(lv(rigaDay({ months: 24 })));
      await form.getByRole('checkbox').first().check();
      await assertAccessible(worker, 'the registration form');
      await form.getByRole('button', { name: 'Pārbaudīt un reģistrēt' }).click();
      await worker.getByRole('heading', { level: 1, name: fullName }).waitFor();
      assert.match(new URL(worker.url()).pathname, /^\/children\/./);
      await success(main(worker), 'Bērns reģistrēts.');
    });
    await step(worker, 'the child page shows the dates as dd.mm.yyyy', async () => {
      const facts = main(worker).getByRole('region', { name: 'Bērna dati' });
      await facts.getByText(lv(child.born), { exact: true }).waitFor();
      await facts.getByText(new RegExp(`^${lv('2021-02-01').replace(/\./g, '\\.')}`)).waitFor();
    });

    await step(worker, 'add a parent', async () => {
      const parents = main(worker).getByRole('region', { name: 'Vecāki un likumiskie pārstāvji' });
      await parents.getByRole('button', { name: 'Pievienot vecāku' }).click();
      const form = parents.getByRole('form', { name: 'Jauns vecāks vai likumiskais pārstāvis' });
      await form.getByRole('combobox', { name: /^Radniecība/ }).selectOption({ label: 'māte' });
      await form.getByRole('textbox', { name: /^Vārds/ }).fill(parent.first);
      await form.getByRole('textbox', { name: /^Uzvārds/ }).fill(parent.last);
      await form.getByRole('checkbox', { name: 'Likumiskais pārstāvis' }).check();
      await form.getByRole('button', { name: 'Pievienot', exact: true }).click();
      await parents.getByRole('rowheader', { name: `${parent.last} ${parent.first}` }).waitFor();
      await success(parents, 'Vecāks reģistrēts un piesaistīts bērnam.');
    });

    // (2) The application, dated today, and its acceptance (the decision date is today).
    await step(worker, 'submit an application dated today', async () => {
      const section = main(worker).getByRole('region', { name: 'Iesniegumi' });
      await section.getByRole('button', { name: 'Reģistrēt iesniegumu' }).click();
      const form = section.getByRole('form', { name: 'Jauns iesniegums' });
      await form.getByRole('combobox', { name: /^Projekts/ }).selectOption({ label: `${project.name} (${project.code})` });
      await form.getByRole('combobox', { name: /^Iesniedzējs/ }).selectOption({ label: `${parent.last} ${parent.first}` });
      await dateField(form, 'Saņemts').fill(lv(today));
      await form.getByRole('button', { name: 'Reģistrēt', exact: true }).click();
      await success(section, 'Pieteikums iesniegts.');
    });
    await step(worker, 'accept the application with today as the decision date', async () => {
      const card = main(worker).getByRole('article', { name: `${project.name} (${project.code})` });
      await card.getByText(lv(today), { exact: true }).waitFor();
      assert.equal(await dateField(card, 'Lēmuma datums').inputValue(), lv(today), 'the decision date defaults to today');
      await card.getByRole('button', { name: 'Apstiprināt', exact: true }).click();
      await success(card, 'Pieteikums apstiprināts.');
    });

    // (3) The assessment with "Piemērs" today: findings, a recommendation, completion.
    const assessments = main(worker).getByRole('region', { name: 'Vajadzību izvērtēšana' });
    await step(worker, 'schedule an assessment with Piemērs today', async () => {
      await assessments.getByRole('button', { name: 'Ieplānot izvērtēšanu' }).click();
      const form = assessments.getByRole('form', { name: 'Jauna izvērtēšana' });
      await form.getByRole('combobox', { name: /^Pakalpojuma sniedzējs/ }).selectOption({ label: provider });
      await dateField(form, 'Plānotais datums').fill(lv(today));
      const team = form.getByRole('group', { name: 'Speciālistu komanda' });
      await team.getByRole('textbox', { name: '1. speciālista vārds, uzvārds' }).fill('Pēteris Fizioterapeits');
      await team.getByRole('combobox', { name: '1. speciālista specialitāte' }).selectOption({ label: 'fizioterapeits' });
      await form.getByRole('button', { name: 'Ieplānot' }).click();
      await success(assessments, 'Izvērtēšana ieplānota.');
    });
    const assessment = assessments.getByRole('article', { name: `Izvērtēšana ${lv(today)}, ${provider}` });
    await step(worker, 'record the findings and a recommendation', async () => {
      await assessment.getByRole('button', { name: 'Ierakstīt rezultātus' }).click();
      const form = assessment.getByRole('form', { name: 'Izvērtēšanas rezultāti' });
      const findings = form.getByRole('group', { name: 'Konstatējumi pa funkcionēšanas jomām (ICF-CY)' });
      await findings.getByRole('combobox').first().selectOption({ index: 3 });
      const recs = form.getByRole('group', { name: 'Ieteiktie pakalpojumi' });
      await recs.getByRole('button', { name: 'Pievienot ieteikto pakalpojumu' }).click();
      await choose(recs.getByRole('combobox', { name: '1. ieteiktais pakalpojums' }), /^Fizioterapija$/);
      await chooseFirstIfEmpty(recs.getByRole('combobox', { name: '1. pakalpojuma saņēmējs' }));
      await recs.getByRole('textbox', { name: '1. pakalpojuma apjoms' }).fill('10');
      await form.getByRole('button', { name: 'Saglabāt rezultātus' }).click();
      await success(assessment, 'Izvērtēšanas rezultāti saglabāti.');
    });
    await step(worker, 'complete the assessment today', async () => {
      await assessment.getByRole('button', { name: 'Pabeigt', exact: true }).click();
      const completed = dateField(assessment, 'Pabeigšanas datums');
      if ((await completed.inputValue()) === '') await completed.fill(lv(today));
      assert.equal(await completed.inputValue(), lv(today));
      await assessment.getByRole('button', { name: 'Pabeigt izvērtēšanu' }).click();
      await success(assessment, 'Izvērtēšana pabeigta.');
    });

    // (4) The plan: today to about six months on, one physiotherapy line with Piemērs.
    await step(worker, 'create a support plan in the current project', async () => {
      const plans = main(worker).getByRole('region', { name: 'Atbalsta plāni' });
      await plans.getByRole('button', { name: 'Izveidot plānu' }).click();
      const form = plans.getByRole('form', { name: 'Jauns atbalsta plāns' });
      await chooseFirstIfEmpty(form.getByRole('combobox', { name: /^Izvērtēšana/ }));
      await choose(form.getByRole('combobox', { name: /^Projekts/ }), new RegExp(project.name));
      await dateField(form, 'Derīgs no').fill(lv(today));
      await dateField(form, 'Derīgs līdz').fill(lv(planTo));
      await form.getByRole('textbox', { name: /^Individuālais budžets/ }).fill('2000');
      await form.getByRole('button', { name: 'Izveidot plānu' }).click();
      await worker.waitForURL(/\/plans\//);
      await worker.getByRole('heading', { level: 1, name: new RegExp(`: ${fullName}$`) }).waitFor();
      planPath = new URL(worker.url()).pathname;
    });
    await step(worker, 'add a goal and a physiotherapy line with Piemērs, save', async () => {
      const draft = main(worker).getByRole('form', { name: /redakcijas projekts$/ });
      assert.equal(await dateField(draft, 'Derīgs no').inputValue(), lv(today));
      assert.equal(await dateField(draft, 'Derīgs līdz').inputValue(), lv(planTo));
      await draft.getByRole('button', { name: 'Pievienot mērķi' }).click();
      const goal = draft.getByRole('group', { name: '1. mērķis' });
      await goal.getByRole('textbox', { name: /^Mērķis/ }).fill('Patstāvīgi pārvietoties pa dzīvokli');
      const indicator = goal.getByRole('textbox', { name: /^Rādītājs/ });
      if (await indicator.count()) await indicator.fill('Noiet 20 m bez palīdzības');
      await draft.getByRole('button', { name: 'Pievienot pakalpojumu' }).click();
      const line = draft.getByRole('group', { name: '1. pakalpojums' });
      await choose(line.getByRole('combobox', { name: /^Pakalpojums/ }), /^Fizioterapija/);
      await chooseFirstIfEmpty(line.getByRole('combobox', { name: /^Saņēmējs/ }));
      await line.getByRole('combobox', { name: /^Pakalpojuma sniedzējs/ }).selectOption({ label: provider });
      await line.getByRole('textbox', { name: /^Plānotais apjoms/ }).or(line.getByRole('spinbutton', { name: /^Plānotais apjoms/ })).fill('10');
      await assertAccessible(worker, 'the plan editor');
      await draft.getByRole('button', { name: 'Saglabāt plānu' }).click();
      await success(main(worker), 'Plāns saglabāts.');
    });
    await step(worker, 'submit the plan for approval', async () => {
      const workflow = main(worker).getByRole('region', { name: 'Darbības' });
      await workflow.getByRole('button', { name: 'Iesniegt apstiprināšanai' }).click();
      await success(workflow, 'Plāns iesniegts apstiprināšanai.');
      await worker.getByRole('heading', { level: 2, name: '1. redakcija (iesniegts)' }).waitFor();
    });
  });

  it('the Kurzeme coordinator approves the plan today', async () => {
    assert.ok(planPath, 'the plan was created by the step before');
    const coordinator = await signedIn('coordinator');
    // This branch's home page has no worklist: the coordinator opens the plan by its address.
    await step(coordinator, 'open the plan', async () => {
      await coordinator.goto(`${server.url}${planPath}`);
      await coordinator.getByRole('heading', { level: 1, name: new RegExp(`: ${fullName}$`) }).waitFor();
    });
    await step(coordinator, 'approve with today as the decision date', async () => {
      const workflow = main(coordinator).getByRole('region', { name: 'Darbības' });
      assert.equal(await dateField(workflow, 'Lēmuma datums').inputValue(), lv(today), 'the decision date defaults to today');
      await workflow.getByRole('button', { name: 'Apstiprināt', exact: true }).click();
      await success(workflow, 'Plāns apstiprināts.');
      await coordinator.getByRole('heading', { level: 2, name: '1. redakcija (apstiprināts)' }).waitFor();
      // The period as dd.mm.yyyy – dd.mm.yyyy.
      await main(coordinator).getByText(`${lv(today)} – ${lv(planTo)}`, { exact: true }).first().waitFor();
    });
  });

  it('the worker activates the plan, records a session today, verifies it and claims it', async () => {
    assert.ok(planPath, 'the plan was approved by the step before');
    const worker = await signedIn('liepaja');
    await step(worker, 'activate the plan', async () => {
      await worker.goto(`${server.url}${planPath}`);
      await worker.getByRole('heading', { level: 1, name: new RegExp(`: ${fullName}$`) }).waitFor();
      const workflow = main(worker).getByRole('region', { name: 'Darbības' });
      assert.equal(await dateField(workflow, 'Lēmuma datums').inputValue(), lv(today), 'the decision date defaults to today');
      await workflow.getByRole('button', { name: 'Uzsākt īstenošanu' }).click();
      await success(workflow, 'Plāna īstenošana uzsākta.');
    });
    let amount;
    await step(worker, 'record one session today through quick entry', async () => {
      const entry = worker.getByRole('form', { name: 'Ātrā ievade' });
      assert.match(await entry.getByRole('combobox', { name: /^Pakalpojums/ }).evaluate((s) => s.selectedOptions[0].textContent), /^Fizioterapija/);
      await dateField(entry, 'Datums').fill(lv(today));
      await entry.getByRole('textbox', { name: /^Speciālists/ }).fill('Pēteris Fizioterapeits');
      await entry.getByRole('button', { name: 'Reģistrēt' }).click();
      await success(entry, `Reģistrēts: ${lv(today)}, Fizioterapija`);
      const row = main(worker).getByRole('table', { name: 'Sniegto pakalpojumu žurnāls' }).getByRole('row', { name: /Pēteris Fizioterapeits/ });
      await row.waitFor();
      const text = await row.textContent();
      assert.ok(text.includes(lv(today)), `the log row shows the date as dd.mm.yyyy: ${text}`);
      amount = /(\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0€)/.exec(text)?.[1];
      assert.ok(amount, `the log row shows the amount as "1 234,56 €": ${text}`);
    });
    await step(worker, 'verify the session on /deliveries/verify', async () => {
      await nav(worker).getByRole('link', { name: 'Pārbaude' }).click();
      await worker.waitForURL(/\/deliveries\/verify/);
      await worker.getByRole('heading', { level: 1, name: 'Sniegto pakalpojumu pārbaude' }).waitFor();
      const select = main(worker).getByRole('checkbox', { name: `Atlasīt: ${lv(today)}, Fizioterapija, ${fullName}` });
      await select.waitFor();
      await select.check();
      await main(worker).getByRole('button', { name: 'Pārbaudīt atlasīto (1)' }).click();
      await success(main(worker), 'Pārbaudīts 1 ieraksts.');
      await select.waitFor({ state: 'detached' });
    });
    await step(worker, 'prepare and submit a claim containing today', async () => {
      await worker.goto(`${server.url}/claims/new`);
      await worker.getByRole('heading', { level: 1, name: 'Jauns kompensācijas pieprasījums' }).waitFor();
      const period = main(worker).getByRole('form', { name: 'Pieprasījuma periods' });
      await choose(period.getByRole('combobox', { name: /^Pašvaldība/ }), /^Liepāja$/);
      await choose(period.getByRole('combobox', { name: /^Projekts/ }), new RegExp(project.name));
      await dateField(period, 'Periods no').fill(lv(today));
      await dateField(period, 'Periods līdz').fill(lv(today));
      await period.getByRole('button', { name: 'Aprēķināt' }).click();
      const preview = main(worker).getByRole('region', { name: `Pieprasījums par ${lv(today)} – ${lv(today)}` });
      await preview.waitFor();
      const summary = await preview.getByRole('status').first().textContent();
      // Only this session of Liepāja's in the project is verified and unclaimed today.
      assert.equal(summary, `1 ieraksts, 1 bērns, kopā ${amount}.`);
      const services = await preview.getByRole('table', { name: 'Pa pakalpojumu veidiem' }).textContent();
      assert.ok(services.includes('Fizioterapija'), services);
      assert.ok(services.includes(amount), `the preview shows the session's ${amount}: ${services}`);
      assert.match(services, /\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0€/);
      await assertAccessible(worker, 'the claim preview');
      await preview.getByRole('button', { name: 'Iesniegt pieprasījumu' }).click();
      await worker.getByRole('heading', { level: 1, name: `Kompensācijas pieprasījums: Liepāja, ${lv(today)} – ${lv(today)}` }).waitFor();
      await success(main(worker), 'Pieprasījums iesniegts.');
      await main(worker).getByRole('table', { name: 'Iekļautie sniegtie pakalpojumi' }).getByRole('link', { name: fullName }).waitFor();
    });
  });
});
