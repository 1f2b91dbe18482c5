import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { admin, analyst, coordinator, liepajaWorker, meAnswer } from '../test/users';

const NBSP = '\u00a0';

const child = (id: string, firstName: string, lastName: string) => ({ __typename: 'Child', id, firstName, lastName });
const entry = (fields: Record<string, unknown>) => ({
  __typename: 'WorklistEntry',
  due: null,
  amount: null,
  child: null,
  planRevision: null,
  application: null,
  assessment: null,
  claim: null,
  ...fields,
});
const item = (kind: string, count: number, entries: unknown[] = []) => ({ __typename: 'WorklistItem', kind, count, entries });
const worklist = (items: unknown[]) => () => ({ data: { worklist: { __typename: 'Worklist', today: '2026-12-02', items } } });

const anna = child('C-anna', 'Anna', 'Bērziņa');
const janis = child('C-janis', 'Jānis', 'Kalniņš');
const revision = (id: string, planId: string, number: number) => ({ __typename: 'PlanRevision', id, number, plan: { __typename: 'SupportPlan', id: planId } });
const claim = {
  __typename: 'CompensationClaim',
  id: 'K-1',
  periodFrom: '2026-10-01',
  periodTo: '2026-10-31',
  total: '1234.56',
  municipality: { __typename: 'Municipality', id: 'M-liepaja', name: 'Liepāja' },
};

const section = (name: RegExp | string) => screen.getByRole('region', { name });
const links = (el: HTMLElement) => within(el).queryAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);

describe('HomePage', () => {
  it("shows a coordinator's work: each kind with its count, its entries linked to their pages and a way to the whole list", async () => {
    const fetch = fakeServer({
      Me: meAnswer(coordinator),
      WorklistHome: worklist([
        item('PLANS_TO_APPROVE', 7, [
          entry({ child: anna, planRevision: revision('R-1', 'P-1', 2), due: '2026-11-20' }),
          entry({ child: janis, planRevision: revision('R-2', 'P-2', 1), due: '2026-11-25' }),
        ]),
        item('CLAIMS_TO_DECIDE', 1, [entry({ claim, due: '2026-11-05' })]),
        item('CLAIMS_TO_PAY', 0),
      ]),
    });
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mans darbs' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Plāni apstiprināšanai (7)' });
    expect(requestsOf(fetch, 'WorklistHome')).toHaveLength(1);
    expect(screen.getByText(/šodien, 02\.12\.2026/)).toBeTruthy();

    const plans = section('Plāni apstiprināšanai (7)');
    expect(links(plans)).toEqual([
      ['Bērziņa Anna, plāna 2. redakcija', '/plans/P-1'],
      ['Kalniņš Jānis, plāna 1. redakcija', '/plans/P-2'],
      ['Visi: Plāni apstiprināšanai (7)', '/children?planStatus=SUBMITTED'],
    ]);
    expect(within(plans).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Bērziņa Anna, plāna 2. redakcija — iesniegts 20.11.2026',
      'Kalniņš Jānis, plāna 1. redakcija — iesniegts 25.11.2026',
    ]);

    const claims = section('Kompensāciju pieprasījumi izlemšanai (1)');
    expect(links(claims)).toEqual([
      [`Liepāja, 01.10.2026 – 31.10.2026, 1${NBSP}234,56${NBSP}€`, '/claims/K-1'],
      ['Visi: Kompensāciju pieprasījumi izlemšanai (1)', '/claims'],
    ]);
    expect(within(claims).getByText(/iesniegts 05\.11\.2026/)).toBeTruthy();

    // Nothing waits: a sentence, and no link to an empty list.
    const pay = section('Apstiprināti pieprasījumi izmaksai (0)');
    expect(within(pay).getByText('Nekas negaida.')).toBeTruthy();
    expect(links(pay)).toEqual([]);
  });

  it("links a worker's entries to the child's section, the plan and the verification queue, with counts in units", async () => {
    const fetch = fakeServer({
      Me: meAnswer(liepajaWorker),
      WorklistHome: worklist([
        item('APPLICATIONS_TO_DECIDE', 1, [entry({ child: anna, application: { __typename: 'Application', id: 'A-1' }, due: '2026-11-30' })]),
        item('APPLICATIONS_AWAITING_ASSESSMENT', 1, [entry({ child: janis, application: { __typename: 'Application', id: 'A-2' }, due: '2026-10-01' })]),
        item('ASSESSMENTS_TO_RECORD', 1, [entry({ child: janis, assessment: { __typename: 'Assessment', id: 'S-1' }, due: '2026-12-01' })]),
        item('PLANS_RETURNED', 1, [entry({ child: anna, planRevision: revision('R-3', 'P-3', 3), due: '2026-11-01' })]),
        item('PLANS_TO_ACTIVATE', 0),
        item('DELIVERIES_TO_VERIFY', 12, [entry({ child: anna, due: '2026-11-03', amount: 4 })]),
        item('PLANS_ENDING', 1, [entry({ child: janis, planRevision: revision('R-4', 'P-4', 1), due: '2026-12-31' })]),
        item('OPINIONS_EXPIRING', 1, [entry({ child: anna, due: '2027-01-15' })]),
        item('CHILDREN_NEAR_CAP', 6, [entry({ child: janis, amount: 1 })]),
      ]),
    });
    renderApp('/', { fetch });
    await screen.findByRole('heading', { level: 2, name: 'Iesniegumi izlemšanai (1)' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Iesniegumi izlemšanai (1)',
      'Pieņemti iesniegumi bez izvērtēšanas (1)',
      'Izvērtēšanas, kuru rezultāti jāieraksta (1)',
      'Atgrieztie plāni (1)',
      'Apstiprināti plāni, kas jāuzsāk (0)',
      'Sniegtie pakalpojumi pārbaudei (12)',
      'Plāni, kas beidzas 30 dienās (1)',
      'Atzinumi, kas beidzas 60 dienās (1)',
      'Bērni tuvu nodarbību ierobežojumam (6)',
    ]);
    expect(links(section('Iesniegumi izlemšanai (1)'))).toEqual([['Bērziņa Anna', '/children/C-anna#applications']]);
    expect(links(section('Pieņemti iesniegumi bez izvērtēšanas (1)'))).toEqual([['Kalniņš Jānis', '/children/C-janis#assessments']]);
    expect(links(section('Izvērtēšanas, kuru rezultāti jāieraksta (1)'))).toEqual([['Kalniņš Jānis', '/children/C-janis#assessments']]);
    expect(within(section('Izvērtēšanas, kuru rezultāti jāieraksta (1)')).getByText(/plānota 01\.12\.2026/)).toBeTruthy();
    expect(links(section('Atgrieztie plāni (1)'))).toEqual([['Bērziņa Anna, plāna 3. redakcija', '/plans/P-3']]);
    expect(within(section('Apstiprināti plāni, kas jāuzsāk (0)')).getByText('Nekas negaida.')).toBeTruthy();

    const verify = section('Sniegtie pakalpojumi pārbaudei (12)');
    expect(links(verify)).toEqual([
      ['Bērziņa Anna', '/deliveries/verify'],
      ['Visi: Sniegtie pakalpojumi pārbaudei (12)', '/deliveries/verify'],
    ]);
    expect(within(verify).getByRole('listitem').textContent).toBe('Bērziņa Anna — vecākais sniegts 03.11.2026, 4 sniegumi gaida pārbaudi');

    expect(within(section('Plāni, kas beidzas 30 dienās (1)')).getByRole('listitem').textContent).toBe(
      'Kalniņš Jānis, plāna 1. redakcija — beidzas 31.12.2026',
    );
    expect(links(section('Atzinumi, kas beidzas 60 dienās (1)'))).toEqual([['Bērziņa Anna', '/children/C-anna#data']]);
    const cap = section('Bērni tuvu nodarbību ierobežojumam (6)');
    expect(links(cap)).toEqual([['Kalniņš Jānis', '/children/C-janis#caps']]);
    expect(within(cap).getByRole('listitem').textContent).toBe('Kalniņš Jānis — atlikums līdz ierobežojumam: 1 nodarbība');
    // More than the entries shown and no list page: says how many more.
    expect(within(cap).getByText('Un vēl 5.')).toBeTruthy();
  });

  it('is in English too', async () => {
    const fetch = fakeServer({
      Me: meAnswer(admin),
      WorklistHome: worklist([item('PLANS_TO_APPROVE', 0), item('DELIVERIES_TO_VERIFY', 1, [entry({ child: anna, due: '2026-11-03', amount: 1 })])]),
    });
    renderApp('/', { fetch, language: 'en' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Plans to approve (0)' })).toBeTruthy();
    expect(screen.getByText('Nothing waiting.')).toBeTruthy();
    expect(within(section('Deliveries to verify (1)')).getByRole('listitem').textContent).toBe(
      'Bērziņa Anna — oldest delivered 03.11.2026, 1 delivery waiting for verification',
    );
  });

  it('shows an analyst the way to the statistics, without asking for a worklist', async () => {
    const fetch = fakeServer({ Me: meAnswer(analyst) });
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mans darbs' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Statistika:/ }).getAttribute('href')).toBe('/statistics');
    expect(screen.getByRole('link', { name: 'Kompensāciju pieprasījumi' }).getAttribute('href')).toBe('/claims');
    expect(requestsOf(fetch, 'WorklistHome')).toHaveLength(0);
  });

  it('keeps the public text for anonymous visitors', async () => {
    const fetch = fakeServer({});
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Atbalsta plāni bērniem ar funkcionāliem traucējumiem' })).toBeTruthy();
    expect(requestsOf(fetch, 'WorklistHome')).toHaveLength(0);
  });

  it('says so when the worklist cannot be loaded, and tries again', async () => {
    let fail = true;
    const fetch = fakeServer({
      Me: meAnswer(coordinator),
      WorklistHome: () =>
        fail ? { errors: [{ message: 'boom', extensions: { code: 'INTERNAL' } }], data: null } : worklist([item('PLANS_TO_APPROVE', 0)])(),
    });
    renderApp('/', { fetch });
    const alert = await screen.findByRole('alert');
    fail = false;
    within(alert).getByRole('button').click();
    expect(await screen.findByRole('heading', { level: 2, name: 'Plāni apstiprināšanai (0)' })).toBeTruthy();
  });
});
