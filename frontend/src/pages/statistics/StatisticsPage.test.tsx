import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, kurzeme, projectKurzeme, requestsOf, rezekne, serviceTypes } from '../../test/caseServer';
import { renderApp } from '../../test/render';

const NBSP = '\u00a0';
const measures = (m: Partial<Record<string, unknown>>) => ({
  __typename: 'StatisticsMeasures',
  children: null,
  families: null,
  parents: null,
  childrenWithPlans: null,
  sessions: null,
  hours: null,
  days: null,
  deliveries: null,
  cost: null,
  fundingShares: null,
  suppressed: false,
  ...m,
});
const shares = (esf: string, state: string) => [
  { __typename: 'FundingAmount', code: 'ESF', sharePercent: '85.00', amount: esf },
  { __typename: 'FundingAmount', code: 'STATE_BUDGET', sharePercent: '15.00', amount: state },
];
const row = (serviceType: unknown, m: Record<string, unknown>) => ({
  __typename: 'StatisticsRow',
  region: null,
  municipality: null,
  project: null,
  serviceType,
  serviceCategory: null,
  recipient: null,
  fundingSource: null,
  period: null,
  ageBand: null,
  sex: null,
  impairment: null,
  livingArrangement: null,
  measures: measures(m),
});
const speech = { __typename: 'ServiceType', id: 'S-speech', name: 'Logopēds', nameEn: 'Speech therapy' };
const sand = { __typename: 'ServiceType', id: 'S-sand', name: 'Smilšu terapija', nameEn: 'Sand therapy' };

// Rēzekne's social rehabilitation of 1 Jan – 11 Nov 2021 by service (in part), as the source reports it.
const statistics = {
  __typename: 'StatisticsResult',
  rows: [
    row(serviceTypes[0], { children: 32, families: 30, parents: 12, childrenWithPlans: 32, sessions: 477, hours: 0, days: 0, deliveries: 477, cost: '14310.00', fundingShares: shares('12163.50', '2146.50') }),
    row(speech, { children: 20, families: 20, parents: 0, childrenWithPlans: 20, sessions: 202, hours: 0, days: 0, deliveries: 202, cost: '6060.00', fundingShares: shares('5151.00', '909.00') }),
    row(sand, { suppressed: true }),
  ],
  total: measures({ children: 32, families: 30, parents: 12, childrenWithPlans: 32, sessions: 1146, hours: 0, days: 0, deliveries: 1146, cost: '35791.00', fundingShares: shares('30422.35', '5368.65') }),
  asOf: '2026-12-02T14:03:00Z',
  minCount: 5,
};

const funds = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'FundsProgress',
  budget: '7700000.00',
  committed: '5000000.00',
  delivered: '4000000.00',
  claimed: '3500000.00',
  paid: '3000000.00',
  remaining: '3700000.00',
  monthlyPace: '100000.00',
  exhaustedIn: '2027-03',
  unspentAtEnd: '0.00',
  byMonth: [
    { __typename: 'MonthAmount', month: '2016-01', amount: '2000000.00', cumulative: '2000000.00' },
    { __typename: 'MonthAmount', month: '2016-02', amount: '2000000.00', cumulative: '4000000.00' },
  ],
  ...overrides,
});
const progress = {
  __typename: 'ProjectProgress',
  on: '2021-11-11',
  project: { ...projectKurzeme, leadRegion: undefined },
  targets: [
    { __typename: 'TargetProgress', group: 'CHILDREN_ASSESSED', planned: 480, achieved: 120, recorded: true },
    { __typename: 'TargetProgress', group: 'ADULTS_ASSESSED', planned: 482, achieved: null, recorded: false },
  ],
  funds: funds(),
  partners: [
    { __typename: 'PartnerFunds', municipality: rezekne, funds: { __typename: 'FundsProgress', committed: '100.00', delivered: '90.00', claimed: '80.00', paid: '70.00', monthlyPace: '10.00' } },
  ],
};

function server() {
  return caseServer({
    StatisticsPage: () => ({ data: { statistics } }),
    ProjectProgress: () => ({ data: { projectProgress: [progress] } }),
    StatisticsRegions: () => ({
      data: { regions: [{ ...kurzeme, nameEn: 'Kurzeme Planning Region', municipalities: [{ ...rezekne, validFrom: '2021-07-01', validTo: null }] }] },
    }),
  });
}

/** Waits until the page's figures are in (a text query: role queries over the whole page are slow). */
const figuresShown = () => screen.findByText('Dati uz 02.12.2026 16:03', {}, { timeout: 15_000 });

const path = '/statistics?from=2021-01-01&to=2021-11-11&municipalityId=M-rezekne&serviceCategory=SOCIAL_REHABILITATION&groupBy=SERVICE_TYPE';

describe('the statistics page', { timeout: 60_000 }, () => {
  it('asks for the view of the address and shows the figures, the total and the suppressed cells', async () => {
    const fetch = server();
    renderApp(path, { fetch });
    await figuresShown();
    const table = screen.getByRole('table', { name: 'Rādītāji, grupēti pēc: Pakalpojuma veids' });
    expect(requestsOf(fetch, 'StatisticsPage')[0].variables).toEqual({
      filter: { from: '2021-01-01', to: '2021-11-11', municipalityIds: ['M-rezekne'], serviceCategories: ['SOCIAL_REHABILITATION'] },
      groupBy: ['SERVICE_TYPE'],
    });
    const total = within(table).getByRole('row', { name: /^Kopā/ });
    const cells = within(total).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 9)).toEqual(['32', '30', '12', '32', `1${NBSP}146`, '0', '0', `1${NBSP}146`, `35${NBSP}791,00${NBSP}€`]);
    expect(within(table).getByRole('row', { name: /^Fizioterapija/ }).textContent).toContain('477');
    // A suppressed row: a dash on screen, the reason in words.
    const suppressed = within(table).getByRole('row', { name: /^Smilšu terapija/ });
    expect(within(suppressed).getAllByText('slēpts: personu skaits mazāks par 5')).toHaveLength(11);
    expect(screen.getByText(/„—” nozīmē slēptu šūnu: tajā ir mazāk par 5 personām/)).toBeTruthy();
    expect(screen.getByText('Dati uz 02.12.2026 16:03')).toBeTruthy();
    // The chart summarises itself.
    expect(screen.getByRole('img', { name: /Stabiņu diagramma: Bērni pēc dimensijas „Pakalpojuma veids”. Lielākā vērtība 32 \(Fizioterapija\)/ })).toBeTruthy();
  });

  it('sorts by a column, saying so with aria-sort', async () => {
    renderApp(path, { fetch: server() });
    await figuresShown();
    const table = screen.getByRole('table', { name: /^Rādītāji/ });
    const sessions = within(table).getByRole('columnheader', { name: /Nodarbības/ });
    expect(sessions.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(sessions).getByRole('button'));
    expect(sessions.getAttribute('aria-sort')).toBe('descending');
    const names = () => within(table).getAllByRole('rowheader').map((c) => c.textContent);
    expect(names()).toEqual(['Fizioterapija', 'Logopēds', 'Smilšu terapija', 'Kopā']);
    fireEvent.click(within(sessions).getByRole('button'));
    expect(sessions.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Logopēds', 'Fizioterapija', 'Smilšu terapija', 'Kopā']);
  });

  it('links the exports with the same query string and puts a sent form into the address', async () => {
    const { router } = renderApp(path, { fetch: server() });
    await figuresShown();
    const csv = screen.getByRole('link', { name: 'Lejupielādēt CSV' });
    expect(csv.getAttribute('href')).toBe(
      '/exports/statistics.csv?from=2021-01-01&to=2021-11-11&groupBy=SERVICE_TYPE&municipalityId=M-rezekne&serviceCategory=SOCIAL_REHABILITATION&lang=lv',
    );
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Lejupielādēt Excel (XLSX)' }).getAttribute('href')).toMatch(/^\/exports\/statistics\.xlsx\?from=2021-01-01&.*&lang=lv$/);

    // A date that is no day is refused at the field, and the address stays.
    const from = screen.getByRole('textbox', { name: /^No/ });
    fireEvent.change(from, { target: { value: '31.02.2021' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rādīt' }));
    expect(await screen.findByText('Ievadiet datumu formā dd.mm.gggg, piemēram, 15.03.2021.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(from));
    expect(router.state.location.search).toContain('from=2021-01-01');

    fireEvent.change(from, { target: { value: '01.03.2021' } });
    fireEvent.change(screen.getByRole('combobox', { name: '2. grupējums' }), { target: { value: 'MONTH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rādīt' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?from=2021-03-01&to=2021-11-11&groupBy=SERVICE_TYPE&groupBy=MONTH&municipalityId=M-rezekne&serviceCategory=SOCIAL_REHABILITATION',
      ),
    );
    // Back brings the previous view and its values into the form.
    await router.navigate(-1);
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^No/ }) as HTMLInputElement).value).toBe('01.01.2021'));
  });

  it('shows each project’s targets, funds and forecast', async () => {
    renderApp(path, { fetch: server() });
    await screen.findByText('Nauda beigsies 03.2027.', {}, { timeout: 15_000 });
    const section = screen.getByRole('region', { name: 'Kurzeme visiem' });
    const bar = within(section).getByRole('progressbar', { name: /kuriem izvērtētas vajadzības/ });
    expect(bar.getAttribute('aria-valuetext')).toBe('120 no 480 (25 %)');
    expect(within(section).getByText('nav reģistrēts (plānots 482)')).toBeTruthy();
    expect(within(section).getByText('Nauda beigsies 03.2027.')).toBeTruthy();
    expect(within(section).getByRole('img', { name: /^Līniju diagramma: izlietotā nauda kopā pa mēnešiem pret budžetu 7\u00a0700\u00a0000,00\u00a0€/ })).toBeTruthy();
    expect(within(section).getByRole('table', { name: 'Partneru finanses: Kurzeme visiem' })).toBeTruthy();
  });
});
