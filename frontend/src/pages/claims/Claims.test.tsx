import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, coordinatorKurzeme, graphQLError, kurzeme, liepaja, projectKurzeme, requestsOf, serviceTypes } from '../../test/caseServer';
import { connection, delivery } from '../../test/deliveries';
import { renderApp } from '../../test/render';
import { workAreasOf } from '../../test/users';

const NBSP = '\u00a0';
const analyst = {
  __typename: 'User',
  id: 'U-a',
  name: 'Andris Analītiķis',
  email: 'a@x',
  role: 'MINISTRY_ANALYST',
  region: null,
  municipalities: [],
  provider: null,
  workAreas: workAreasOf.MINISTRY_ANALYST,
};

// What the server answers about a claim: the worker who prepared it (and the analyst) decide
// nothing; the coordinator of the project's lead region decides everything.
const claimCanNothing = { __typename: 'ClaimPermissions', approve: false, reject: false, markPaid: false };
const claimCanCoordinator = { __typename: 'ClaimPermissions', approve: true, reject: true, markPaid: true };

const project = { ...projectKurzeme, leadRegion: { __typename: 'PlanningRegion', id: kurzeme.id, name: kurzeme.name } };
const totals = {
  total: '158.70',
  byServiceType: [
    { __typename: 'ClaimServiceTotal', units: 3, amount: '90.00', deliveryCount: 3, childCount: 2, serviceType: serviceTypes[0] },
    { __typename: 'ClaimServiceTotal', units: 18, amount: '68.70', deliveryCount: 2, childCount: 1, serviceType: serviceTypes[1] },
  ],
  byFundingSource: [
    { __typename: 'FundingAmount', code: 'ESF', sharePercent: '85.00', amount: '134.90' },
    { __typename: 'FundingAmount', code: 'STATE_BUDGET', sharePercent: '15.00', amount: '23.80' },
  ],
  deliveryCount: 5,
  childCount: 2,
};

function claim(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'CompensationClaim',
    id: 'CL1',
    status: 'SUBMITTED',
    periodFrom: '2021-03-01',
    periodTo: '2021-03-31',
    submittedAt: '2021-04-02T08:00:00Z',
    decidedAt: null,
    rejectReason: null,
    paidAt: null,
    exportPath: '/exports/claims/7',
    version: 3,
    viewerCan: claimCanNothing,
    municipality: liepaja,
    project,
    ...totals,
    ...overrides,
  };
}

const claimPage = (c = claim()) => () => ({ data: { node: c } });
const claimDeliveries = () => ({ data: { node: { __typename: 'CompensationClaim', id: 'CL1', deliveries: connection('ServiceDelivery', [delivery({ status: 'CLAIMED' })]) } } });

describe('claims', () => {
  it('lists the claims with status, municipality, project, period and total, and offers a worker to prepare one', async () => {
    const fetch = caseServer({ Claims: () => ({ data: { claims: connection('CompensationClaim', [claim()]) } }) });
    renderApp('/claims', { fetch });
    const table = await screen.findByRole('table', { name: 'Kompensācijas pieprasījumi' });
    const rows = within(table).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows[1]).toEqual(['01.03.2021 – 31.03.2021', 'iesniegts', 'Liepāja', 'Kurzeme visiem (9.2.2.1/15/I/005)', `158,70${NBSP}€`, '02.04.2021 11:00']);
    expect(within(table).getByRole('link', { name: '01.03.2021 – 31.03.2021' }).getAttribute('href')).toBe('/claims/CL1');
    expect(screen.getByRole('link', { name: 'Sagatavot pieprasījumu' }).getAttribute('href')).toBe('/claims/new');

    fireEvent.change(screen.getByLabelText('Statuss'), { target: { value: 'PAID' } });
    await waitFor(() => expect(requestsOf(fetch, 'Claims').at(-1)?.variables).toEqual({ filter: { status: 'PAID' }, first: 50, after: null }));
  });

  it('keeps the status filter and the sort in the address, and sorts in the browser', async () => {
    const older = claim({ id: 'CL2', periodFrom: '2021-02-01', periodTo: '2021-02-28', total: '900.00', status: 'PAID', submittedAt: '2021-03-02T08:00:00Z' });
    const fetch = caseServer({ Claims: () => ({ data: { claims: connection('CompensationClaim', [claim(), older]) } }) });
    const { router } = renderApp('/claims?status=PAID&sort=-total', { fetch });
    const table = await screen.findByRole('table', { name: 'Kompensācijas pieprasījumi' });
    expect(requestsOf(fetch, 'Claims')[0].variables).toEqual({ filter: { status: 'PAID' }, first: 50, after: null });
    expect((screen.getByLabelText('Statuss') as HTMLSelectElement).value).toBe('PAID');
    const periods = () => within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(periods()).toEqual(['01.02.2021 – 28.02.2021', '01.03.2021 – 31.03.2021']);
    expect(within(table).getByRole('columnheader', { name: 'Kopsumma' }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(within(table).getByRole('button', { name: 'Periods' }));
    expect(periods()).toEqual(['01.02.2021 – 28.02.2021', '01.03.2021 – 31.03.2021']);
    fireEvent.click(within(table).getByRole('button', { name: 'Periods' }));
    expect(periods()).toEqual(['01.03.2021 – 31.03.2021', '01.02.2021 – 28.02.2021']);
    expect(router.state.location.search).toBe('?status=PAID&sort=-period');
  });

  it('shows an analyst the claims read-only, children without names and without links', async () => {
    const fetch = caseServer(
      {
        Claims: () => ({ data: { claims: connection('CompensationClaim', [claim()]) } }),
        ClaimPage: claimPage(),
        ClaimDeliveries: () => ({
          data: {
            node: {
              __typename: 'CompensationClaim',
              id: 'CL1',
              deliveries: connection('ServiceDelivery', [delivery({ status: 'CLAIMED', specialistName: null, child: { __typename: 'Child', id: 'C1', firstName: null, lastName: null } })]),
            },
          },
        }),
      },
      { viewer: analyst },
    );
    renderApp('/claims', { fetch });
    await screen.findByRole('table', { name: 'Kompensācijas pieprasījumi' });
    expect(screen.queryByRole('link', { name: 'Sagatavot pieprasījumu' })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: '01.03.2021 – 31.03.2021' }));
    const deliveries = await screen.findByRole('table', { name: 'Iekļautie sniegtie pakalpojumi' });
    expect(within(deliveries).getByRole('rowheader', { name: '(bez vārda)' })).toBeTruthy();
    expect(within(deliveries).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Apstiprināt' })).toBeNull();
  });

  it('tells an analyst that a small claim has too few children and entries to show', async () => {
    // The server answers an analyst no count below its threshold, and no rows of such a list.
    const small = claim({
      childCount: null,
      byServiceType: totals.byServiceType.map((s) => ({ ...s, childCount: null })),
    });
    const fetch = caseServer(
      {
        ClaimPage: claimPage(small),
        ClaimDeliveries: () => ({ data: { node: { __typename: 'CompensationClaim', id: 'CL1', deliveries: { ...connection('ServiceDelivery', []), totalCount: null } } } }),
      },
      { viewer: analyst },
    );
    renderApp('/claims/CL1', { fetch });
    expect(await screen.findByText('5 ieraksti, pārāk maz bērnu, lai rādītu')).toBeTruthy();
    expect(await screen.findByText('Pārāk maz ierakstu, lai rādītu.')).toBeTruthy();
    expect(screen.getAllByTitle('pārāk maz bērnu, lai rādītu')).toHaveLength(2);
    expect(screen.queryByText(/null/)).toBeNull();
  });

  it('prepares a claim: previews the totals per service and funding source, warns of unverified deliveries, and submits with an idempotency key', async () => {
    let submitAnswer: unknown = { errors: [{ message: 'lost', extensions: { code: 'INTERNAL' } }], data: null };
    const fetch = caseServer({
      ClaimProjects: () => ({ data: { projects: connection('Project', [{ ...projectKurzeme, __typename: 'Project' }]) } }),
      ClaimPreview: () => ({ data: { claimPreview: { __typename: 'ClaimPreview', ...totals, unverifiedCount: 2 } } }),
      SubmitClaim: () => submitAnswer,
      ClaimPage: claimPage(),
      ClaimDeliveries: claimDeliveries,
    });
    const { router } = renderApp('/claims/new', { fetch });
    await screen.findByRole('heading', { level: 1, name: 'Jauns kompensācijas pieprasījums' });
    // The worker's only municipality and its only project are chosen.
    expect((screen.getByLabelText(/^Pašvaldība/) as HTMLSelectElement).value).toBe(liepaja.id);
    await waitFor(() => expect((screen.getByLabelText(/^Projekts/) as HTMLSelectElement).value).toBe(projectKurzeme.id));
    expect(requestsOf(fetch, 'ClaimProjects')[0].variables).toEqual({ municipalityId: liepaja.id });

    fireEvent.change(screen.getByLabelText(/^Periods no/), { target: { value: '01.03.2021' } });
    fireEvent.change(screen.getByLabelText(/^Periods līdz/), { target: { value: '28.02.2021' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aprēķināt' }));
    await screen.findByText('Perioda beigas nevar būt pirms sākuma.');
    expect(requestsOf(fetch, 'ClaimPreview')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Periods līdz/), { target: { value: '31.03.2021' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aprēķināt' }));
    const preview = await screen.findByRole('region', { name: 'Pieprasījums par 01.03.2021 – 31.03.2021' });
    expect(requestsOf(fetch, 'ClaimPreview')[0].variables).toEqual({
      input: { municipalityId: liepaja.id, projectId: projectKurzeme.id, periodFrom: '2021-03-01', periodTo: '2021-03-31' },
    });
    expect(within(preview).getByRole('status').textContent).toBe(`5 ieraksti, 2 bērni, kopā 158,70${NBSP}€.`);
    expect(within(preview).getByText('2 šī perioda ieraksti vēl nav pārbaudīti; tos pieprasījumā neiekļaus.')).toBeTruthy();
    const cells = (name: string) =>
      within(within(preview).getByRole('table', { name })).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(cells('Pa pakalpojumu veidiem')).toEqual([
      ['Fizioterapija', '3 nodarbības', '3', '2', `90,00${NBSP}€`],
      ['Aprūpe mājās', '18 stundu', '2', '1', `68,70${NBSP}€`],
      ['Kopā', '', '5', '', `158,70${NBSP}€`],
    ]);
    expect(cells('Pa finansējuma avotiem')).toEqual([
      ['Eiropas Sociālais fonds', `85${NBSP}%`, `134,90${NBSP}€`],
      ['valsts budžets', `15${NBSP}%`, `23,80${NBSP}€`],
      ['Kopā', '', `158,70${NBSP}€`],
    ]);

    // An answer that did not come: the retry names the same key, so no second claim is made.
    fireEvent.click(within(preview).getByRole('button', { name: 'Iesniegt pieprasījumu' }));
    await screen.findByText('Radās neparedzēta kļūda. Lūdzu, mēģiniet vēlreiz vēlāk.');
    submitAnswer = { data: { submitClaim: { __typename: 'ClaimPayload', claim: { __typename: 'CompensationClaim', id: 'CL1' } } } };
    fireEvent.click(within(preview).getByRole('button', { name: 'Iesniegt pieprasījumu' }));
    await screen.findByRole('heading', { level: 1, name: 'Kompensācijas pieprasījums: Liepāja, 01.03.2021 – 31.03.2021' });
    expect(router.state.location.pathname).toBe('/claims/CL1');
    expect(screen.getByText('Pieprasījums iesniegts.')).toBeTruthy();
    const [first, retry] = requestsOf(fetch, 'SubmitClaim').map((r) => r.variables as { input: Record<string, unknown> });
    expect(first.input).toEqual({
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      municipalityId: liepaja.id,
      projectId: projectKurzeme.id,
      periodFrom: '2021-03-01',
      periodTo: '2021-03-31',
    });
    expect(retry.input.idempotencyKey).toBe(first.input.idempotencyKey);
  });

  it('says when a period has nothing to claim', async () => {
    const fetch = caseServer({
      ClaimProjects: () => ({ data: { projects: connection('Project', [{ ...projectKurzeme, __typename: 'Project' }]) } }),
      ClaimPreview: () => graphQLError('NOTHING_TO_CLAIM'),
    });
    renderApp('/claims/new', { fetch });
    await waitFor(() => expect((screen.getByLabelText(/^Projekts/) as HTMLSelectElement).value).toBe(projectKurzeme.id));
    fireEvent.click(screen.getByRole('button', { name: 'Aprēķināt' }));
    expect(await screen.findByText('Šajā periodā nav pārbaudītu ierakstu, kas vēl nav pieprasīti.')).toBeTruthy();
  });

  it('shows a claim with totals, downloads and deliveries; the coordinator approves it, or rejects it with a reason', async () => {
    const fetch = caseServer(
      {
        ClaimPage: claimPage(claim({ viewerCan: claimCanCoordinator })),
        ClaimDeliveries: claimDeliveries,
        ApproveClaim: () => graphQLError('CONFLICT'),
        RejectClaim: () => ({
          data: { rejectClaim: { __typename: 'ClaimPayload', claim: { __typename: 'CompensationClaim', id: 'CL1', status: 'REJECTED', version: 4, decidedAt: '2021-04-03T08:00:00Z', rejectReason: 'Trūkst pielikumu', paidAt: null } } },
        }),
      },
      { viewer: coordinatorKurzeme },
    );
    renderApp('/claims/CL1', { fetch });
    await screen.findByRole('heading', { level: 1, name: 'Kompensācijas pieprasījums: Liepāja, 01.03.2021 – 31.03.2021' });
    expect(screen.getByRole('link', { name: 'Lejupielādēt pieprasījumu CSV formātā' }).getAttribute('href')).toBe('/exports/claims/7.csv');
    expect(screen.getByRole('link', { name: 'Lejupielādēt pieprasījumu Excel formātā (XLSX)' }).getAttribute('href')).toBe('/exports/claims/7.xlsx');
    expect(screen.getByRole('link', { name: 'Lejupielādēt pieprasījumu PDF formātā' }).getAttribute('href')).toBe('/exports/claims/7.pdf');
    const deliveries = await screen.findByRole('table', { name: 'Iekļautie sniegtie pakalpojumi' });
    expect(within(deliveries).getByRole('link', { name: 'Kalniņa Elza' }).getAttribute('href')).toBe('/children/C1');

    fireEvent.click(screen.getByRole('button', { name: 'Apstiprināt' }));
    // Asked first, with the amount.
    const approval = await screen.findByRole('dialog', { name: 'Apstiprināt pieprasījumu?' });
    expect(approval.textContent).toMatch(/Pieprasījums par .* tiks apstiprināts izmaksai/);
    fireEvent.click(within(approval).getByRole('button', { name: 'Apstiprināt pieprasījumu' }));
    await screen.findByText('Ierakstu pa to laiku mainīja kāds cits');
    expect(requestsOf(fetch, 'ApproveClaim')[0].variables).toEqual({ input: { claimId: 'CL1', version: 3 } });

    fireEvent.click(screen.getByRole('button', { name: 'Noraidīt' }));
    fireEvent.click(screen.getByRole('button', { name: 'Noraidīt pieprasījumu' }));
    await screen.findByText('Aizpildiet šo lauku.');
    expect(requestsOf(fetch, 'RejectClaim')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Noraidījuma iemesls/), { target: { value: 'Trūkst pielikumu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Noraidīt pieprasījumu' }));
    await waitFor(() => expect(requestsOf(fetch, 'RejectClaim')).toHaveLength(1));
    expect(requestsOf(fetch, 'RejectClaim')[0].variables).toEqual({ input: { claimId: 'CL1', version: 3, reason: 'Trūkst pielikumu' } });
  });

  it('offers a worker no decisions on their own claim, and marks an approved claim paid for the coordinator', async () => {
    const workers = renderApp('/claims/CL1', { fetch: caseServer({ ClaimPage: claimPage(), ClaimDeliveries: claimDeliveries }) });
    await screen.findByRole('heading', { level: 1, name: /^Kompensācijas pieprasījums/ });
    expect(screen.queryByRole('region', { name: 'Lēmums' })).toBeNull();
    workers.unmount();

    const fetch = caseServer(
      {
        ClaimPage: claimPage(claim({ status: 'APPROVED', decidedAt: '2021-04-03T08:00:00Z', viewerCan: claimCanCoordinator })),
        ClaimDeliveries: claimDeliveries,
        MarkClaimPaid: () => ({
          data: { markClaimPaid: { __typename: 'ClaimPayload', claim: { __typename: 'CompensationClaim', id: 'CL1', status: 'PAID', version: 4, decidedAt: '2021-04-03T08:00:00Z', rejectReason: null, paidAt: '2021-04-20T08:00:00Z' } } },
        }),
      },
      { viewer: coordinatorKurzeme },
    );
    renderApp('/claims/CL1', { fetch });
    const decide = await screen.findByRole('region', { name: 'Lēmums' });
    fireEvent.click(within(decide).getByRole('button', { name: 'Atzīmēt kā izmaksātu' }));
    const payment = await screen.findByRole('dialog', { name: 'Atzīmēt pieprasījumu kā izmaksātu?' });
    fireEvent.click(within(payment).getByRole('button', { name: 'Atzīmēt kā izmaksātu' }));
    await waitFor(() => expect(requestsOf(fetch, 'MarkClaimPaid')).toHaveLength(1));
    expect(requestsOf(fetch, 'MarkClaimPaid')[0].variables).toEqual({ input: { claimId: 'CL1', version: 3 } });
  });

  it('offers each decision only when the server says the viewer may take it', async () => {
    const decisions = async () => {
      const region = await screen.findByRole('region', { name: 'Lēmums' });
      return within(region).queryAllByRole('button').map((b) => b.textContent);
    };
    const open = (c: ReturnType<typeof claim>) =>
      renderApp('/claims/CL1', { fetch: caseServer({ ClaimPage: claimPage(c), ClaimDeliveries: claimDeliveries }, { viewer: coordinatorKurzeme }) });

    let view = open(claim({ viewerCan: { ...claimCanNothing, approve: true } }));
    expect(await decisions()).toEqual(['Apstiprināt']);
    view.unmount();
    view = open(claim({ viewerCan: { ...claimCanNothing, reject: true } }));
    expect(await decisions()).toEqual(['Noraidīt']);
    view.unmount();
    // Marking paid is a step of an approved claim only, whatever the viewer may do.
    view = open(claim({ viewerCan: claimCanCoordinator, status: 'APPROVED' }));
    expect(await decisions()).toEqual(['Atzīmēt kā izmaksātu']);
    view.unmount();
    view = open(claim({ viewerCan: { ...claimCanCoordinator, markPaid: false }, status: 'APPROVED' }));
    expect(await decisions()).toEqual([]);
    view.unmount();
    // Nothing allowed: no decisions section at all, even for the coordinator.
    open(claim({ viewerCan: claimCanNothing }));
    await screen.findByRole('heading', { level: 1, name: /^Kompensācijas pieprasījums/ });
    expect(screen.queryByRole('region', { name: 'Lēmums' })).toBeNull();
  });
});
