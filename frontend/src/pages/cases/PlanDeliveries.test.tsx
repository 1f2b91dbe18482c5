import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  caseServer,
  graphQLError,
  kurzeme,
  liepaja,
  planCanSpecialist,
  planCanWorker,
  projectKurzeme,
  providers,
  requestsOf,
  serviceTypes,
  workerLiepaja,
  type Handler,
} from '../../test/caseServer';
import { delivery } from '../../test/deliveries';
import { renderApp } from '../../test/render';

const NBSP = '\u00a0';

const physioLine = {
  __typename: 'PlanLine',
  key: 'l1',
  recipient: 'CHILD',
  plannedUnits: 20,
  unitPrice: '30.00',
  priceSource: 'PROVIDER',
  amount: '600.00',
  serviceType: serviceTypes[0],
  provider: providers[0],
};
const parentsLine = {
  __typename: 'PlanLine',
  key: 'l2',
  recipient: 'PARENTS',
  plannedUnits: 5,
  unitPrice: '35.00',
  priceSource: 'CATALOGUE',
  amount: '175.00',
  serviceType: serviceTypes[2],
  provider: null,
};

function activePlan(status = 'ACTIVE', viewerCan: unknown = planCanWorker) {
  const revision = {
    __typename: 'PlanRevision',
    id: 'REV1',
    number: 1,
    status,
    validFrom: '2021-03-01',
    validTo: '2022-02-28',
    budget: '1500.00',
    linesTotal: '775.00',
    budgetUnplanned: '725.00',
    returnComment: null,
    submittedAt: '2021-02-10T08:00:00Z',
    approvedAt: '2021-02-12T08:00:00Z',
    createdAt: '2021-02-06T08:00:00Z',
    version: 4,
    goals: [],
    lines: [physioLine, parentsLine],
  };
  return () => ({
    data: {
      node: {
        __typename: 'SupportPlan',
        id: 'PLAN1',
        kind: 'SOCIAL_REHABILITATION',
        status,
        createdAt: '2021-02-06T08:00:00Z',
        viewerCan,
        child: { __typename: 'Child', id: 'C1', firstName: 'Elza', lastName: 'Kalniņa', personalCode: '329999-90001', municipality: liepaja },
        project: { ...projectKurzeme, leadRegion: { __typename: 'PlanningRegion', id: kurzeme.id, name: kurzeme.name } },
        current: revision,
        pending: null,
        revisions: [],
      },
    },
  });
}

function figures(planned: number, delivered: number, verified: number, claimed: number, price: number, plannedAmount?: string) {
  const money = (n: number) => (n * price).toFixed(2);
  return {
    __typename: 'UsageFigures',
    plannedUnits: planned,
    deliveredUnits: delivered,
    verifiedUnits: verified,
    claimedUnits: claimed,
    remainingUnits: planned - delivered,
    plannedAmount: plannedAmount ?? money(planned),
    deliveredAmount: money(delivered),
    verifiedAmount: money(verified),
    claimedAmount: money(claimed),
    remainingAmount: plannedAmount ? (Number(plannedAmount) - delivered * price).toFixed(2) : money(planned - delivered),
  };
}

function usage(delivered = 4) {
  return () => ({
    data: {
      node: {
        __typename: 'SupportPlan',
        id: 'PLAN1',
        usage: {
          __typename: 'PlanUsage',
          figures: figures(0, delivered, 2, 1, 30, '1500.00'),
          lines: [
            { __typename: 'LineUsage', line: physioLine, figures: figures(20, delivered, 2, 1, 30) },
            { __typename: 'LineUsage', line: parentsLine, figures: figures(5, 0, 0, 0, 35) },
          ],
        },
        child: {
          __typename: 'Child',
          id: 'C1',
          parents: [{ __typename: 'ParentLink', relation: 'MOTHER', parent: { __typename: 'Parent', id: 'PA1', firstName: 'Inese', lastName: 'Kalniņa' } }],
        },
      },
    },
  });
}

function log(nodes: unknown[], { hasNextPage = false, total = nodes.length } = {}) {
  return {
    data: {
      node: {
        __typename: 'SupportPlan',
        id: 'PLAN1',
        deliveries: {
          __typename: 'ServiceDeliveryConnection',
          totalCount: total,
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'c1' : null },
          edges: nodes.map((node, i) => ({ __typename: 'ServiceDeliveryEdge', cursor: `c${i}`, node })),
        },
      },
    },
  };
}

const recorded = (id: string) => ({
  data: { recordDelivery: { __typename: 'DeliveryPayload', delivery: { __typename: 'ServiceDelivery', id, status: 'RECORDED', version: 1 } } },
});

function server(handlers: Record<string, Handler>, options?: Parameters<typeof caseServer>[1]) {
  return caseServer({ PlanEditor: activePlan(), PlanUsage: usage(), PlanDeliveries: () => log([delivery()]), ...handlers }, options);
}

describe('the delivered services of a plan', () => {
  it('shows the budget and each line as planned, delivered, verified, claimed and remaining, with meters that say so', async () => {
    renderApp('/plans/PLAN1', { fetch: server({}) });
    const budget = await screen.findByRole('meter', { name: 'Sniegto pakalpojumu izmaksas no individuālā budžeta' });
    const budgetText = `Budžets: 1${NBSP}500,00${NBSP}€; sniegts: 120,00${NBSP}€ (8 %); pārbaudīts: 60,00${NBSP}€; pieprasīts: 30,00${NBSP}€; atlikums: 1${NBSP}380,00${NBSP}€.`;
    expect(budget.getAttribute('aria-valuetext')).toBe(budgetText);
    expect(budget.getAttribute('aria-valuenow')).toBe('8');
    expect(screen.getByTestId('usage-budget').textContent).toContain(budgetText);

    const physio = screen.getByRole('meter', { name: 'Izlietojums: Fizioterapija (bērns)' });
    expect(physio.getAttribute('aria-valuemin')).toBe('0');
    expect(physio.getAttribute('aria-valuemax')).toBe('100');
    expect(physio.getAttribute('aria-valuenow')).toBe('20');
    expect(physio.getAttribute('aria-valuetext')).toBe(
      `Plānots: 20 nodarbību; sniegts: 4 (20 %); pārbaudīts: 2; pieprasīts: 1; atlikums: 16 nodarbību, 480,00${NBSP}€.`,
    );
    const row = screen.getByRole('row', { name: /^Fizioterapija \(bērns\)/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual([`20600,00${NBSP}€`, `4120,00${NBSP}€`, `260,00${NBSP}€`, `130,00${NBSP}€`, `16480,00${NBSP}€`]);
  });

  it('records a session through quick entry with a fresh idempotency key, today by default, and refreshes usage and log', async () => {
    const fetch = server({ RecordDelivery: () => recorded('D2') });
    renderApp('/plans/PLAN1', { fetch });
    const form = await screen.findByRole('form', { name: 'Ātrā ievade' });
    // Today, in Latvian notation.
    expect((within(form).getByLabelText(/^Datums/) as HTMLInputElement).value).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect((within(form).getByLabelText(/^Apjoms/) as HTMLInputElement).value).toBe('1');
    // A child's service asks for no parent.
    expect(within(form).queryByLabelText(/^Vecāks/)).toBeNull();

    fireEvent.change(within(form).getByLabelText(/^Datums/), { target: { value: '15.03.2021' } });
    fireEvent.change(within(form).getByLabelText(/^Apjoms/), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText(/^Speciālists/), { target: { value: 'Pēteris Fizioterapeits' } });
    const usageBefore = requestsOf(fetch, 'PlanUsage').length;
    const logBefore = requestsOf(fetch, 'PlanDeliveries').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));

    expect(await within(form).findByText('Reģistrēts: 15.03.2021, Fizioterapija (bērns), 2 nodarbības.')).toBeTruthy();
    const sent = requestsOf(fetch, 'RecordDelivery')[0].variables as { input: Record<string, unknown> };
    expect(sent.input).toEqual({
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      planId: 'PLAN1',
      lineKey: 'l1',
      date: '2021-03-15',
      units: 2,
      parentId: null,
      providerId: null,
      specialistName: 'Pēteris Fizioterapeits',
      note: null,
    });
    await waitFor(() => expect(requestsOf(fetch, 'PlanUsage').length).toBeGreaterThan(usageBefore));
    await waitFor(() => expect(requestsOf(fetch, 'PlanDeliveries').length).toBeGreaterThan(logBefore));
    // Ready for the next session of the same line: one unit again.
    expect((within(form).getByLabelText(/^Apjoms/) as HTMLInputElement).value).toBe('1');

    // The next entry has a key of its own.
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await waitFor(() => expect(requestsOf(fetch, 'RecordDelivery')).toHaveLength(2));
    const second = requestsOf(fetch, 'RecordDelivery')[1].variables as { input: { idempotencyKey: string } };
    expect(second.input.idempotencyKey).not.toBe(sent.input.idempotencyKey);
  });

  it('says next to the form which rule an entry breaks and what remains, and retries with the same key', async () => {
    let answer: unknown = { errors: [{ message: 'the line plans 20 units', extensions: { code: 'LINE_UNITS_EXCEEDED', remaining: '3' } }], data: null };
    const fetch = server({ RecordDelivery: () => answer });
    const { i18n } = renderApp('/plans/PLAN1', { fetch });
    const form = await screen.findByRole('form', { name: 'Ātrā ievade' });
    fireEvent.change(within(form).getByLabelText(/^Datums/), { target: { value: '15.03.2021' } });
    fireEvent.change(within(form).getByLabelText(/^Apjoms/), { target: { value: '5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Ieraksts pārsniedz šim plāna pakalpojumam plānoto apjomu. Atlikums: 3 nodarbības.');
    expect(alert.textContent).not.toContain('the line plans');

    answer = { errors: [{ message: 'budget', extensions: { code: 'BUDGET_EXCEEDED', remaining: '12.5' } }], data: null };
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain(`Ieraksts pārsniedz plāna individuālo budžetu. Atlikums: 12,50${NBSP}€.`));
    const [first, retry] = requestsOf(fetch, 'RecordDelivery').map((r) => (r.variables as { input: { idempotencyKey: string } }).input.idempotencyKey);
    expect(retry).toBe(first);

    await i18n.changeLanguage('en');
    await within(form).findByText("The entry exceeds the plan's individual budget. Remaining: €12.50.", { exact: false });

    answer = { errors: [{ message: 'cap', extensions: { code: 'CHILD_SESSION_CAP_EXCEEDED', remaining: '1' } }], data: null };
    fireEvent.click(within(form).getByRole('button', { name: 'Record' }));
    await within(form).findByText("The entry exceeds the project's cap on the child's sessions. Remaining: 1 session.");
  });

  it('shows an invalid field at its input, and checks the date before sending', async () => {
    const fetch = server({ RecordDelivery: () => graphQLError('BAD_USER_INPUT', 'date') });
    renderApp('/plans/PLAN1', { fetch });
    const form = await screen.findByRole('form', { name: 'Ātrā ievade' });
    const date = within(form).getByLabelText(/^Datums/);
    fireEvent.change(date, { target: { value: '31.02.2021' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await within(form).findByText('Ievadiet datumu formā dd.mm.gggg, piemēram, 15.03.2021.');
    expect(requestsOf(fetch, 'RecordDelivery')).toHaveLength(0);
    expect(document.activeElement).toBe(date);

    fireEvent.change(date, { target: { value: '15.03.2021' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await within(form).findByText('Norādiet derīgu dienu, kas nav nākotnē.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });

  it("asks for the parent (one of the child's) and the provider for a parents' line without one", async () => {
    const fetch = server({ RecordDelivery: () => recorded('D3') });
    renderApp('/plans/PLAN1', { fetch });
    const form = await screen.findByRole('form', { name: 'Ātrā ievade' });
    fireEvent.change(within(form).getByLabelText(/^Pakalpojums/), { target: { value: 'l2' } });
    const parent = within(form).getByLabelText(/^Vecāks/) as HTMLSelectElement;
    expect(parent.value).toBe('PA1');
    expect(within(parent).getAllByRole('option').map((o) => o.textContent)).toEqual(['— izvēlieties —', 'Kalniņa Inese (māte)']);
    const provider = await within(form).findByLabelText(/^Pakalpojuma sniedzējs/);
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await within(form).findByText('Aizpildiet šo lauku.');
    fireEvent.change(provider, { target: { value: 'P-teams' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reģistrēt' }));
    await waitFor(() => expect(requestsOf(fetch, 'RecordDelivery')).toHaveLength(1));
    expect(requestsOf(fetch, 'RecordDelivery')[0].variables).toMatchObject({ input: { lineKey: 'l2', parentId: 'PA1', providerId: 'P-teams' } });
  });

  it('lists the log with status as text, loads more, and corrects and rejects an entry with a reason', async () => {
    const corrected = delivery({
      id: 'D0',
      date: '2021-03-10',
      status: 'VERIFIED',
      corrections: [{ __typename: 'DeliveryCorrection', at: '2021-03-11T10:00:00Z', reason: 'Nepareizs datums', date: '2021-03-09', units: 1, amount: '30.00', status: 'RECORDED' }],
    });
    const claimed = delivery({ id: 'D9', date: '2021-03-01', status: 'CLAIMED' });
    const fetch = server({
      PlanDeliveries: (v) => (v.after ? log([claimed]) : log([delivery(), corrected], { hasNextPage: true, total: 3 })),
      CorrectDelivery: () => ({ data: { correctDelivery: { __typename: 'DeliveryPayload', delivery: { __typename: 'ServiceDelivery', id: 'D1', status: 'RECORDED', version: 2 } } } }),
      RejectDelivery: () => graphQLError('CONFLICT'),
    });
    renderApp('/plans/PLAN1', { fetch });
    const table = await screen.findByRole('table', { name: 'Sniegto pakalpojumu žurnāls' });
    expect(screen.getByText('3 ieraksti')).toBeTruthy();
    const row = within(table).getByRole('row', { name: /^10\.03\.2021/ });
    expect(within(row).getByText('pārbaudīts')).toBeTruthy();
    expect(within(row).getByText('Labots 11.03.2021 12:00: Nepareizs datums')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rādīt vairāk' }));
    const claimedRow = await within(table).findByRole('row', { name: /^01\.03\.2021/ });
    expect(within(claimedRow).getByText('iekļauts pieprasījumā')).toBeTruthy();
    // A claimed delivery is locked: nothing to offer.
    expect(within(claimedRow).queryByRole('button')).toBeNull();
    expect(requestsOf(fetch, 'PlanDeliveries').at(-1)?.variables).toEqual({ id: 'PLAN1', first: 20, after: 'c1' });

    fireEvent.click(screen.getByRole('button', { name: 'Labot ierakstu: 15.03.2021, Fizioterapija' }));
    const correct = screen.getByRole('form', { name: 'Labot ierakstu: 15.03.2021, Fizioterapija' });
    expect(document.activeElement).toBe(within(correct).getByLabelText(/^Datums/));
    fireEvent.change(within(correct).getByLabelText(/^Apjoms/), { target: { value: '2' } });
    fireEvent.click(within(correct).getByRole('button', { name: 'Saglabāt labojumu' }));
    await within(correct).findByText('Aizpildiet šo lauku.');
    expect(requestsOf(fetch, 'CorrectDelivery')).toHaveLength(0);
    fireEvent.change(within(correct).getByLabelText(/^Labojuma iemesls/), { target: { value: 'Divas nodarbības pēc kārtas' } });
    fireEvent.click(within(correct).getByRole('button', { name: 'Saglabāt labojumu' }));
    await waitFor(() => expect(requestsOf(fetch, 'CorrectDelivery')).toHaveLength(1));
    expect(requestsOf(fetch, 'CorrectDelivery')[0].variables).toEqual({
      input: { deliveryId: 'D1', version: 1, date: '2021-03-15', units: 2, parentId: null, specialistName: 'Pēteris Fizioterapeits', note: null, reason: 'Divas nodarbības pēc kārtas' },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: /^Labot ierakstu/ })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Noraidīt ierakstu: 15.03.2021, Fizioterapija' }));
    const reject = screen.getByRole('form', { name: 'Noraidīt ierakstu: 15.03.2021, Fizioterapija' });
    fireEvent.change(within(reject).getByLabelText(/^Noraidījuma iemesls/), { target: { value: 'Nodarbība nenotika' } });
    fireEvent.click(within(reject).getByRole('button', { name: 'Noraidīt ierakstu' }));
    const alert = await within(reject).findByRole('alert');
    expect(within(alert).getByText('Kāds cits pa to laiku mainīja šo ierakstu. Pārlādējiet to un veiciet savas izmaiņas vēlreiz.')).toBeTruthy();
    expect(requestsOf(fetch, 'RejectDelivery')[0].variables).toEqual({ input: { deliveryId: 'D1', version: 1, reason: 'Nodarbība nenotika' } });
  });

  it("offers a provider's specialist quick entry on their provider's lines only, and what the server allows of each delivery", async () => {
    const specialist = {
      ...workerLiepaja,
      id: 'U-specialist',
      name: 'Pēteris Fizioterapeits',
      role: 'PROVIDER_SPECIALIST',
      municipalities: [],
      provider: providers[0],
      workAreas: { ...workerLiepaja.workAreas, verifyDeliveries: false, claims: false, prepareClaims: false },
    };
    const own = delivery({ viewerCan: { __typename: 'DeliveryPermissions', verify: false, correct: true, reject: false } });
    const fetch = server({ PlanEditor: activePlan('ACTIVE', planCanSpecialist), PlanDeliveries: () => log([own]) }, { viewer: specialist });
    renderApp('/plans/PLAN1', { fetch });
    const form = await screen.findByRole('form', { name: 'Ātrā ievade' });
    const lines = within(within(form).getByLabelText(/^Pakalpojums/)).getAllByRole('option').map((o) => o.textContent);
    expect(lines).toEqual([`Fizioterapija (bērns) — ${providers[0].name}`]);
    await screen.findByRole('button', { name: 'Labot ierakstu: 15.03.2021, Fizioterapija' });
    expect(screen.queryByRole('button', { name: 'Noraidīt ierakstu: 15.03.2021, Fizioterapija' })).toBeNull();
    // Plan steps are not the specialist's.
    expect(screen.getByText('Jums šobrīd nav pieejamu darbību ar šo plānu.')).toBeTruthy();
  });

  it('offers no quick entry and no delivery actions when the server says so', async () => {
    const readOnly = delivery({ viewerCan: { __typename: 'DeliveryPermissions', verify: false, correct: false, reject: false } });
    const fetch = server({ PlanEditor: activePlan('ACTIVE', { ...planCanWorker, recordDelivery: false }), PlanDeliveries: () => log([readOnly]) });
    renderApp('/plans/PLAN1', { fetch });
    const table = await screen.findByRole('table', { name: 'Sniegto pakalpojumu žurnāls' });
    expect(screen.queryByRole('form', { name: 'Ātrā ievade' })).toBeNull();
    expect(within(table).queryByRole('columnheader', { name: 'Darbības' })).toBeNull();
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
  });

  it('offers no quick entry for a closed plan', async () => {
    renderApp('/plans/PLAN1', { fetch: server({ PlanEditor: activePlan('CLOSED') }) });
    await screen.findByRole('table', { name: 'Sniegto pakalpojumu žurnāls' });
    expect(screen.queryByRole('form', { name: 'Ātrā ievade' })).toBeNull();
    expect(screen.getByText('Plāns nav īstenošanā: jaunus sniegtos pakalpojumus tam reģistrēt nevar.')).toBeTruthy();
  });
});
