// The statistics page in a real browser against the real server and its demo data: the
// Rēzekne worker opens Rēzekne's social rehabilitation of 1 January – 11 November 2021 by
// service type, and the page shows the figures the city's social service reported (32 children,
// 1 146 sessions, 35 791,00 €; physiotherapy 477, speech therapy 202), which the demo records
// delivery by delivery. The view survives a reload and the back button, the export link is
// reached by keyboard, and axe-core finds nothing on the way. The analyst opens the page from
// the navigation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const NBSP = '\u00a0';
const users = {
  rezekne: ['darbinieks.rezekne@atbalsts.example', 'rezekne-demo-2026'],
  analyst: ['analitikis@atbalsts.example', 'analitikis-demo-2026'],
};

/** The measures' columns after the grouping's: children first, sessions fifth, cost ninth. */
const column = { children: 0, sessions: 4, cost: 8 };

describe('statistics', { timeout: 300_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;

  const main = (page) => page.getByRole('main');

  /** The figures' cells of a row (its header cell left out). */
  async function figures(row) {
    return row.getByRole('cell').allTextContents();
  }

  it('the Rēzekne worker sees the city’s reported figures of 2021, keeps the view through a reload and back, and reaches the export by keyboard', async () => {
    const page = await signedIn('rezekne');

    // The city's global id, as a link to the page would carry it.
    const rezekneId = await page.evaluate(async () => {
      const query = '{ me { municipalities { id name } } }';
      const answer = await (await fetch(`/graphql?query=${encodeURIComponent(query)}`)).json();
      return answer.data.me.municipalities.find((m) => m.name === 'Rēzekne')?.id;
    });
    assert.ok(rezekneId, 'the Rēzekne worker works for the city of Rēzekne');

    const query = `from=2021-01-01&to=2021-11-11&municipalityId=${encodeURIComponent(rezekneId)}&serviceCategory=SOCIAL_REHABILITATION&groupBy=SERVICE_TYPE`;
    await page.goto(`${server.url}/statistics?${query}`);
    await page.getByRole('heading', { level: 1, name: 'Statistika' }).waitFor();
    const table = main(page).getByRole('table', { name: 'Rādītāji, grupēti pēc: Pakalpojuma veids' });
    await table.waitFor();

    const total = await figures(table.getByRole('row', { name: /^Kopā/ }));
    assert.equal(total[column.children], '32');
    assert.equal(total[column.sessions], `1${NBSP}146`);
    assert.equal(total[column.cost], `35${NBSP}791,00${NBSP}€`);
    assert.equal((await figures(table.getByRole('row', { name: /^Fizioterapija/ })))[column.sessions], '477');
    assert.equal((await figures(table.getByRole('row', { name: /^Logopēds/ })))[column.sessions], '202');
    await main(page).getByText(/^Dati uz \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/).waitFor();
    // The progress of the Latgale project the city is a partner of, in the city's figures.
    const project = main(page).getByRole('region', { name: 'DI Latgalē' });
    await project.getByRole('progressbar', { name: 'bērni ar funkcionāliem traucējumiem, kas saņem pakalpojumus' }).waitFor();
    await project.getByRole('img', { name: /^Līniju diagramma: izlietotā nauda kopā pa mēnešiem/ }).waitFor();
    await assertAccessible(page, 'the statistics of Rēzekne by service type');

    // A second grouping, sent: the address says so, and a reload shows the same view.
    await main(page).getByLabel('2. grupējums').selectOption('MONTH');
    await main(page).getByRole('button', { name: 'Rādīt' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('groupBy').join() === 'SERVICE_TYPE,MONTH');
    const byMonth = main(page).getByRole('table', { name: 'Rādītāji, grupēti pēc: Pakalpojuma veids, Mēnesis' });
    await byMonth.waitFor();
    await page.reload();
    await byMonth.waitFor();
    assert.equal(await main(page).getByLabel('2. grupējums').inputValue(), 'MONTH');
    assert.equal(await main(page).getByLabel(/^No/).inputValue(), '01.01.2021');
    assert.equal(new URL(page.url()).searchParams.get('municipalityId'), rezekneId);
    assert.equal((await figures(byMonth.getByRole('row', { name: /^Kopā/ })))[column.sessions], `1${NBSP}146`);
    await assertAccessible(page, 'the statistics by service type and month');

    // Back: the previous view, its figures and its form.
    await page.goBack();
    await table.waitFor();
    assert.equal(await main(page).getByLabel('2. grupējums').inputValue(), '');

    // From the form's last button, the next tab stop is the CSV export, with the page's query.
    await main(page).getByRole('button', { name: 'Atjaunot noklusējumu' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    assert.equal(focused.text, 'Lejupielādēt CSV');
    const exported = new URLSearchParams({
      from: '2021-01-01',
      to: '2021-11-11',
      groupBy: 'SERVICE_TYPE',
      municipalityId: rezekneId,
      serviceCategory: 'SOCIAL_REHABILITATION',
      lang: 'lv',
    });
    assert.equal(focused.href, `/exports/statistics.csv?${exported}`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lejupielādēt Excel (XLSX)');

    // The server answers the link with the figures of the same view.
    const download = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: await res.text() };
    }, focused.href);
    assert.equal(download.status, 200, download.body);
    assert.match(download.type, /^text\/csv/);
    assert.match(download.disposition, /^attachment/);
    assert.match(download.body, /Fizioterapija/);
  });

  it('the analyst opens the statistics from the navigation: the last six years by year, and the projects’ progress', async () => {
    const page = await signedIn('analyst');
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Statistika' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistika' }).waitFor();
    await main(page).getByRole('table', { name: 'Rādītāji, grupēti pēc: Gads' }).waitFor();
    await main(page).getByRole('heading', { level: 2, name: 'Projektu progress' }).waitFor();
    await main(page).getByText(/^Dati uz /).waitFor();
    await assertAccessible(page, 'the analyst’s statistics');
  });
});
