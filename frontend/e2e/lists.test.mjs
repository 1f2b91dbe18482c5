// Lists, layout and print in a real browser against the real server and its demo data: the
// children list sorted by a column and searched as one types, both kept in the address (reload
// and back restore them); the child page and the plan page on a phone (the navigation folded
// behind a menu button, every button reachable, no sideways scrolling of the page), their
// breadcrumbs and deep links to sections; the plan printed (no navigation, the signatures
// block). axe-core on each state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, signedInSuite } from './harness.mjs';

const users = {
  liepaja: ['darbiniece.liepaja@atbalsts.example', 'liepaja-demo-2026'],
};
const phone = { width: 390, height: 844 };

describe('lists, layout and print', { timeout: 300_000 }, () => {
  const server = signedInSuite(users);
  const signedIn = server.signedIn;

  const main = (page) => page.getByRole('main');
  const childrenTable = (page) => main(page).getByRole('table', { name: 'Bērni' });
  const names = (page) => childrenTable(page).getByRole('rowheader').allTextContents();
  const search = (page) => page.getByRole('searchbox', { name: 'Meklēt' });
  const params = (page) => new URL(page.url()).searchParams;

  /** Waits until the table says it is sorted by this column so (aria-sort), and by no other. */
  async function waitForSort(page, column, direction) {
    await page.waitForFunction(
      ([column, direction]) => {
        const sorted = Array.from(document.querySelectorAll('main table th[aria-sort]'));
        return sorted.length === 1 && sorted[0].textContent === column && sorted[0].getAttribute('aria-sort') === direction;
      },
      [column, direction],
    );
  }

  /** Waits until the list's first rows are these (the list answers a change asynchronously). */
  async function waitForFirstNames(page, expected) {
    await page.waitForFunction(
      (want) => {
        const table = document.querySelector('main table');
        const got = table ? Array.from(table.querySelectorAll('tbody th[scope="row"]'), (th) => th.textContent) : [];
        return want.every((name, i) => got[i] === name);
      },
      expected,
    );
  }

  it('sorts the children list by a column and searches as one types; reload and back restore both', async () => {
    const page = await signedIn('liepaja');
    await page.goto(`${server.url}/children`);
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();
    const count = await main(page).getByRole('status').filter({ hasText: /^Atrast/ }).textContent();
    const total = Number(/\d+/.exec(count)[0]);
    assert.ok(total > 50 && total <= 100, `the demo's Liepāja list has two pages (${count})`);
    // A wide screen shows the navigation itself, without a menu button.
    assert.equal(await page.getByRole('button', { name: 'Izvēlne' }).isVisible(), false);
    assert.ok(await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Bērni' }).isVisible());
    const loadMore = main(page).getByRole('button', { name: 'Ielādēt vēl' });

    // By name, A to Z, by default; the header says so.
    await waitForSort(page, 'Vārds, uzvārds', 'ascending');
    assert.equal((await names(page)).length, 50);
    await loadMore.click();
    await page.waitForFunction((n) => document.querySelectorAll('main table tbody tr').length === n, total);
    const ascending = await names(page);
    assert.equal(new Set(ascending).size, total);
    // The plan-status column: Mārtiņš's rehabilitation plan is a draft, Elza's is in force.
    const planCell = async (name) =>
      childrenTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').last().textContent();
    assert.match(await planCell('Ozols Mārtiņš'), /projekts/);
    assert.match(await planCell('Kalniņa Elza'), /īstenošanā/);
    await assertAccessible(page, 'the children list');

    // Z to A: the server sorts, the address keeps it.
    await childrenTable(page).getByRole('button', { name: 'Vārds, uzvārds' }).click();
    await waitForFirstNames(page, ascending.slice().reverse().slice(0, 3));
    assert.deepEqual(await names(page), ascending.slice().reverse().slice(0, 50), 'the first page from Z');
    await waitForSort(page, 'Vārds, uzvārds', 'descending');
    assert.equal(params(page).get('sort'), '-name');

    // By birth date, the oldest first.
    await childrenTable(page).getByRole('button', { name: 'Dzimšanas datums' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'birthDate');
    await waitForSort(page, 'Dzimšanas datums', 'ascending');
    await page.waitForFunction(() => {
      const dates = Array.from(document.querySelectorAll('main table tbody tr'), (tr) => tr.querySelectorAll('td')[1]?.textContent ?? '');
      const iso = dates.map((d) => d.split('.').reverse().join('-'));
      return iso.length > 2 && iso.every((d, i) => i === 0 || iso[i - 1] <= d);
    });
    await assertAccessible(page, 'the children list sorted by birth date');

    // Back: Z to A again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-name');
    await waitForFirstNames(page, ascending.slice().reverse().slice(0, 3));
    await waitForSort(page, 'Vārds, uzvārds', 'descending');

    // Search as one types: no Enter, no button.
    await search(page).pressSequentially('Ozols', { delay: 60 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'Ozols');
    await main(page).getByText(/^Atrasts 1 bērns$/).waitFor();
    assert.deepEqual(await names(page), ['Ozols Mārtiņš']);
    assert.equal(params(page).get('sort'), '-name');
    await assertAccessible(page, 'the children list searched');

    // A reload restores the search and the sort.
    await page.reload();
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();
    assert.equal(await search(page).inputValue(), 'Ozols');
    assert.deepEqual(await names(page), ['Ozols Mārtiņš']);
    await waitForSort(page, 'Vārds, uzvārds', 'descending');

    // To the child and back: the list as it was.
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ozols Mārtiņš' }).waitFor();
    await page.goBack();
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();
    assert.equal(await search(page).inputValue(), 'Ozols');
    assert.deepEqual(await names(page), ['Ozols Mārtiņš']);
    assert.equal(params(page).get('sort'), '-name');

    // Emptying the box brings everyone back, still Z to A.
    await search(page).fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await waitForFirstNames(page, ascending.slice().reverse().slice(0, 3));
  });

  /** Every button and link of the main content can be scrolled to and lies within the screen's width. */
  async function assertEveryControlReachable(page, label) {
    const controls = main(page).locator('button:not([disabled]), a[href]');
    const n = await controls.count();
    assert.ok(n > 0, `${label}: no controls`);
    for (let i = 0; i < n; i++) {
      const control = controls.nth(i);
      // Hidden ones (print only, a closed menu) are not offered on the screen.
      if (!(await control.isVisible())) continue;
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      const name = (await control.textContent())?.trim() || (await control.getAttribute('aria-label'));
      assert.ok(box, `${label}: "${name}" has no box`);
      assert.ok(box.x >= -1 && box.x + box.width <= phone.width + 1, `${label}: "${name}" lies at x ${box.x}..${box.x + box.width}, outside the ${phone.width} px screen`);
      const middle = box.y + box.height / 2;
      assert.ok(middle >= 0 && middle <= phone.height, `${label}: "${name}" is not in view after scrolling (y ${box.y})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${label}: the page is ${overflow} px wider than the screen`);
  }

  /** The main navigation on a phone: folded, then opened with the menu button. */
  async function checkPhoneNavigation(page, label) {
    const menu = page.getByRole('button', { name: 'Izvēlne' });
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija', includeHidden: true });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await menu.getAttribute('aria-controls'), await nav.getAttribute('id'));
    assert.equal(await nav.isVisible(), false, `${label}: the navigation is folded on a phone`);
    await assertAccessible(page, `${label} on a phone, menu closed`);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: 'Bērni' }).waitFor();
    assert.ok(await nav.getByRole('link', { name: 'Profils' }).isVisible());
    await assertAccessible(page, `${label} on a phone, menu open`);
    // Escape folds it again, back on the button.
    await nav.getByRole('link', { name: 'Bērni' }).focus();
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await nav.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'main-navigation');
  }

  it('on a phone: the child page and the plan page with the navigation folded, breadcrumbs, and every button reachable', async () => {
    const page = await signedIn('liepaja');
    await page.setViewportSize(phone);
    await page.goto(`${server.url}/children?q=Ozols`);
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ozols Mārtiņš' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Atbalsta plāni' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vajadzību izvērtēšana' }).waitFor();

    const crumbs = page.getByRole('navigation', { name: 'Navigācijas ceļš' });
    assert.deepEqual(await crumbs.getByRole('listitem').allTextContents(), ['Bērni›', 'Ozols Mārtiņš']);
    assert.equal(await crumbs.getByText('Ozols Mārtiņš').getAttribute('aria-current'), 'page');
    assert.equal(await crumbs.getByRole('link', { name: 'Bērni' }).getAttribute('href'), '/children');

    await checkPhoneNavigation(page, 'the child page');
    await assertEveryControlReachable(page, 'the child page');

    await main(page).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš' }).waitFor();
    await page.getByRole('group', { name: '1. pakalpojums' }).waitFor();
    const planCrumbs = page.getByRole('navigation', { name: 'Navigācijas ceļš' });
    assert.deepEqual(await planCrumbs.getByRole('listitem').allTextContents(), ['Bērni›', 'Ozols Mārtiņš›', 'Sociālās rehabilitācijas plāns']);
    assert.equal(await planCrumbs.getByText('Sociālās rehabilitācijas plāns').getAttribute('aria-current'), 'page');
    await planCrumbs.getByRole('link', { name: 'Ozols Mārtiņš' }).waitFor();

    await checkPhoneNavigation(page, 'the plan page');
    await assertEveryControlReachable(page, 'the plan page');
  });

  /**
   * Whether the page scrolled to an element: its top at the window's top, or as near as the
   * page's end lets it come.
   */
  const inView = (page, id) =>
    page
      .waitForFunction(
        (id) => {
          const top = document.getElementById(id)?.getBoundingClientRect().top ?? -1;
          const atEnd = Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) < 2;
          return top >= -2 && top < window.innerHeight && (top < 40 || atEnd);
        },
        id,
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );

  it('deep links to sections of the child page and the plan page work on load and from the contents', async () => {
    const page = await signedIn('liepaja');
    await page.goto(`${server.url}/children?q=Ozols`);
    await main(page).getByRole('link', { name: 'Ozols Mārtiņš' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ozols Mārtiņš' }).waitFor();
    const childPath = new URL(page.url()).pathname;

    // On load: the page scrolls to the section once it is there, and focus goes to it.
    await page.goto(`${server.url}${childPath}#plans`);
    await page.getByRole('heading', { level: 2, name: 'Atbalsta plāni' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'plans');
    assert.ok(await inView(page, 'plans'), 'the plans are scrolled to');
    assert.ok((await page.evaluate(() => window.scrollY)) > 100, 'the page scrolled');

    // From the table of contents.
    const contents = page.getByRole('navigation', { name: 'Lapas saturs' });
    assert.deepEqual(await contents.getByRole('link').allTextContents(), [
      'Bērna dati',
      'Vecāki un likumiskie pārstāvji',
      'Iesniegumi',
      'Vajadzību izvērtēšana',
      'Atbalsta plāni',
      'Ierobežojumu izlietojums',
    ]);
    await assertAccessible(page, 'the child page at #plans');
    await contents.getByRole('link', { name: 'Iesniegumi' }).click();
    await page.waitForURL((url) => url.hash === '#applications');
    await page.waitForFunction(() => document.activeElement?.id === 'applications');
    assert.ok(await inView(page, 'applications'));

    // The plan page's history.
    await page.goto(`${server.url}${childPath}`);
    await main(page).getByRole('link', { name: /^Sociālās rehabilitācijas plāns/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš' }).waitFor();
    const planPath = new URL(page.url()).pathname;
    await page.goto(`${server.url}${planPath}#history`);
    await page.getByRole('heading', { level: 2, name: 'Redakciju vēsture' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'history');
    assert.ok(await inView(page, 'history'), 'the history is scrolled to');
    const planContents = page.getByRole('navigation', { name: 'Lapas saturs' });
    await planContents.getByRole('link', { name: 'Darbības' }).click();
    await page.waitForURL((url) => url.hash === '#workflow');
    assert.ok(await inView(page, 'workflow'));
    await assertAccessible(page, 'the plan page at #workflow');
  });

  it('prints the plan: no navigation or buttons, the plan with a signatures block; Print and Download PDF', async () => {
    const page = await signedIn('liepaja');
    await page.goto(`${server.url}/children?q=Kalni%C5%86a`);
    await main(page).getByRole('link', { name: 'Kalniņa Elza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kalniņa Elza' }).waitFor();
    await main(page).getByRole('link', { name: /plāns, \d/ }).first().click();
    const title = page.getByRole('heading', { level: 1, name: /: Kalniņa Elza$/ });
    await title.waitFor();

    // On screen: no signatures; a Print button and the revision's PDF.
    assert.equal(await page.getByText('Vecāks vai likumiskais pārstāvis').count(), 0);
    const pdf = main(page).getByRole('link', { name: 'Lejupielādēt PDF' });
    assert.match(await pdf.getAttribute('href'), /^\/exports\/plans\/[^/]+\.pdf$/);
    const download = await page.request.get(`${server.url}${await pdf.getAttribute('href')}`);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/pdf');
    assert.equal((await download.body()).subarray(0, 5).toString(), '%PDF-');
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => void window.printed++;
    });
    await main(page).getByRole('button', { name: 'Drukāt' }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);

    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('plan-print');
    await sheet.waitFor();
    assert.equal(await page.getByRole('banner').isVisible(), false, 'the header with the navigation is not printed');
    assert.equal(await page.getByRole('navigation', { name: 'Galvenā navigācija', includeHidden: true }).isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: 'Navigācijas ceļš', includeHidden: true }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Drukāt', includeHidden: true }).isVisible(), false);
    assert.equal(await page.locator('main button:visible, main form:visible, main input:visible').count(), 0, 'no buttons or forms on paper');
    const signatures = page.getByTestId('plan-signatures');
    assert.ok(await signatures.isVisible());
    for (const who of ['Sagatavoja', 'Apstiprināja', 'Vecāks vai likumiskais pārstāvis']) {
      assert.ok(await signatures.getByText(who, { exact: true }).isVisible(), who);
    }
    assert.equal(await signatures.getByText('Paraksts', { exact: true }).count(), 3);
    const text = await sheet.textContent();
    for (const part of ['Kalniņa Elza', 'Projekts', 'Darbības laiks', 'Individuālie mērķi', 'Pakalpojumi', 'Individuālais budžets']) {
      assert.ok(text.includes(part), `the printed plan shows ${part}`);
    }
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await assertAccessible(page, 'the printed plan');

    // Back on the screen: the sheet goes.
    await page.emulateMedia({ media: 'screen' });
    await sheet.waitFor({ state: 'detached' });
    await title.waitFor();
  });
});
