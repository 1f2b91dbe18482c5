import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  caseServer,
  coordinatorKurzeme,
  graphQLError,
  kurzeme,
  liepaja,
  planCanCoordinator,
  planCanWorker,
  projectKurzeme,
  providers,
  requestsOf,
  serviceTypes,
} from '../../test/caseServer';
import { renderApp } from '../../test/render';

const NBSP = '\u00a0';

function revision(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'PlanRevision',
    id: 'REV1',
    number: 1,
    status: 'DRAFT',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    budget: '1000.00',
    linesTotal: '800.00',
    budgetUnplanned: '200.00',
    returnComment: null,
    submittedAt: null,
    approvedAt: null,
    createdAt: '2026-01-05T08:00:00Z',
    version: 7,
    goals: [
      { __typename: 'PlanGoal', key: 'g1', text: 'Staigāt bez atbalsta', indicator: '10 m bez palīdzības', targetDate: '2026-06-30', status: 'IN_PROGRESS' },
    ],
    lines: [
      {
        __typename: 'PlanLine',
        key: 'l1',
        recipient: 'CHILD',
        plannedUnits: 20,
        unitPrice: '30.00',
        priceSource: 'PROVIDER',
        amount: '600.00',
        serviceType: serviceTypes[0],
        provider: providers[0],
      },
      {
        __typename: 'PlanLine',
        key: 'l2',
        recipient: 'CHILD',
        plannedUnits: 50,
        unitPrice: '4.00',
        priceSource: 'CATALOGUE',
        amount: '200.00',
        serviceType: serviceTypes[1],
        provider: null,
      },
    ],
    ...overrides,
  };
}

function historyRow(n: number, status: string) {
  return {
    __typename: 'PlanRevision',
    id: `REV${n}`,
    number: n,
    status,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    budget: n === 1 ? '1000.00' : '1200.00',
    linesTotal: '800.00',
    createdAt: '2026-01-05T08:00:00Z',
    submittedAt: null,
    approvedAt: n === 1 ? '2026-01-10T10:30:00Z' : null,
    approvedBy: n === 1 ? { __typename: 'User', id: 'U-c', name: 'Kristīne Koordinatore' } : null,
  };
}

function plan({ current = revision(), pending = null as unknown, revisions = [historyRow(1, 'DRAFT')], viewerCan = planCanWorker as unknown } = {}) {
  return {
    data: {
      node: {
        __typename: 'SupportPlan',
        id: 'PLAN1',
        kind: 'SOCIAL_REHABILITATION',
        status: (current as { status: string }).status,
        createdAt: '2026-01-05T08:00:00Z',
        viewerCan,
        child: { __typename: 'Child', id: 'C1', firstName: 'Mārtiņš', lastName: 'Ozols', personalCode: '020714-20002', municipality: liepaja },
        project: { ...projectKurzeme, leadRegion: { __typename: 'PlanningRegion', id: kurzeme.id, name: kurzeme.name } },
        current,
        pending,
        revisions,
      },
    },
  };
}

describe('PlanEditorPage', () => {
  it('shows the header and the budget used as figures and a bar', async () => {
    renderApp('/plans/PLAN1', { fetch: caseServer({ PlanEditor: () => plan() }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sociālās rehabilitācijas plāns: Ozols Mārtiņš' })).toBeTruthy();
    expect(screen.getByText('Kurzeme visiem (9.2.2.1/15/I/005)')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Budžeta izlietojums' });
    expect(bar.getAttribute('aria-valuenow')).toBe('80');
    expect(bar.getAttribute('aria-valuetext')).toBe(`Plānots 800,00${NBSP}€ no 1${NBSP}000,00${NBSP}€ (80 %)`);
    const figures = screen.getByTestId('budget-bar').textContent;
    expect(figures).toContain(`Plānots 800,00${NBSP}€ no 1${NBSP}000,00${NBSP}€ (80 %)`);
    expect(figures).toContain(`Neplānotais atlikums: 200,00${NBSP}€`);
    // The server's price of each saved line.
    const line1 = await screen.findByRole('group', { name: '1. pakalpojums' });
    expect(within(line1).getByTestId('line-amount').textContent).toBe(`20 × 30,00${NBSP}€ = 600,00${NBSP}€ (sniedzēja cena)`);
  });

  it('saves the whole draft with its version, and limits the recipient to what the service allows', async () => {
    const fetch = caseServer({
      PlanEditor: () => plan(),
      UpdatePlanDraft: () => ({ data: { updatePlanDraft: { __typename: 'PlanRevisionPayload', revision: revision({ version: 8 }) } } }),
    });
    renderApp('/plans/PLAN1', { fetch });
    const line1 = await screen.findByRole('group', { name: '1. pakalpojums' });
    await within(line1).findByRole('option', { name: 'Aprūpe mājās' });

    // Home care is for the child only; support groups only for the parents.
    const line2 = screen.getByRole('group', { name: '2. pakalpojums' });
    const recipients = (group: HTMLElement) => within(within(group).getByLabelText(/^Saņēmējs/)).getAllByRole('option').map((o) => o.textContent);
    expect(recipients(line2)).toEqual(['— izvēlieties —', 'bērns']);
    fireEvent.change(within(line2).getByLabelText(/^Pakalpojums/), { target: { value: 'S-groups' } });
    expect(recipients(line2)).toEqual(['— izvēlieties —', 'vecāki']);
    expect((within(line2).getByLabelText(/^Saņēmējs/) as HTMLSelectElement).value).toBe('PARENTS');
    // A changed line has no price until it is saved.
    expect(within(line2).getByText('Cenu un summu aprēķinās, saglabājot plānu.')).toBeTruthy();

    fireEvent.change(within(line1).getByLabelText(/^Plānotais apjoms/), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText(/^Individuālais budžets/), { target: { value: '1 250,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pievienot mērķi' }));
    const goal2 = screen.getByRole('group', { name: '2. mērķis' });
    fireEvent.change(within(goal2).getByLabelText(/^Mērķis/), { target: { value: 'Runāt teikumos' } });
    fireEvent.change(within(goal2).getByLabelText(/^Rādītājs/), { target: { value: '3 vārdu teikumi' } });
    expect(screen.getByText('Ir nesaglabātas izmaiņas.')).toBeTruthy();
    // A workflow step would act on the saved plan: not while changes are unsaved.
    expect((screen.getByRole('button', { name: 'Iesniegt apstiprināšanai' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt plānu' }));
    await waitFor(() => expect(requestsOf(fetch, 'UpdatePlanDraft')).toHaveLength(1));
    expect(requestsOf(fetch, 'UpdatePlanDraft')[0].variables).toEqual({
      input: {
        revisionId: 'REV1',
        version: 7,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        budget: '1250.50',
        goals: [
          { key: 'g1', text: 'Staigāt bez atbalsta', indicator: '10 m bez palīdzības', targetDate: '2026-06-30', status: 'IN_PROGRESS' },
          { key: null, text: 'Runāt teikumos', indicator: '3 vārdu teikumi', targetDate: null, status: 'NOT_STARTED' },
        ],
        lines: [
          { key: 'l1', serviceTypeId: 'S-physio', recipient: 'CHILD', providerId: 'P-rehab', plannedUnits: 25 },
          { key: 'l2', serviceTypeId: 'S-groups', recipient: 'PARENTS', providerId: null, plannedUnits: 50 },
        ],
      },
    });
    expect(await screen.findByText('Plāns saglabāts.')).toBeTruthy();
  });

  it('shows the server errors at the field they name, translated', async () => {
    let answer = graphQLError('BAD_USER_INPUT', 'lines.1.plannedUnits');
    const fetch = caseServer({ PlanEditor: () => plan(), UpdatePlanDraft: () => answer });
    renderApp('/plans/PLAN1', { fetch });
    await screen.findByRole('group', { name: '2. pakalpojums' });

    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt plānu' }));
    const units = within(screen.getByRole('group', { name: '2. pakalpojums' })).getByLabelText(/^Plānotais apjoms/);
    await waitFor(() => expect(units.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Apjomam jābūt no 1 līdz 10 000 vienībām.')).toBeTruthy();
    expect(document.activeElement).toBe(units);
    expect(within(screen.getByRole('group', { name: '1. pakalpojums' })).getByLabelText(/^Plānotais apjoms/).getAttribute('aria-invalid')).not.toBe('true');

    answer = graphQLError('BAD_USER_INPUT', 'budget');
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt plānu' }));
    await screen.findByText('Budžets nevar būt negatīvs vai mazāks par plānoto pakalpojumu summu.');
    expect(screen.getByLabelText(/^Individuālais budžets/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('server message in English')).toBeNull();
  });

  it('checks the budget before sending', async () => {
    const fetch = caseServer({ PlanEditor: () => plan() });
    renderApp('/plans/PLAN1', { fetch });
    const budget = await screen.findByLabelText(/^Individuālais budžets/);
    expect((budget as HTMLInputElement).value).toBe('1000,00');
    fireEvent.change(budget, { target: { value: '12,345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt plānu' }));
    await screen.findByText('Ievadiet summu eiro ar ne vairāk kā diviem cipariem aiz komata, piemēram, 1234,50.');
    expect(requestsOf(fetch, 'UpdatePlanDraft')).toHaveLength(0);
  });

  it('says clearly when someone else saved the plan meanwhile, and reloads it', async () => {
    const fetch = caseServer({ PlanEditor: () => plan(), UpdatePlanDraft: () => graphQLError('CONFLICT') });
    renderApp('/plans/PLAN1', { fetch });
    await screen.findByRole('group', { name: '1. pakalpojums' });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt plānu' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Ierakstu pa to laiku mainīja kāds cits')).toBeTruthy();
    expect(within(alert).getByText('Kāds cits pa to laiku mainīja šo ierakstu. Pārlādējiet to un veiciet savas izmaiņas vēlreiz.')).toBeTruthy();
    const before = requestsOf(fetch, 'PlanEditor').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Pārlādēt jaunāko versiju' }));
    await waitFor(() => expect(requestsOf(fetch, 'PlanEditor').length).toBe(before + 1));
  });

  it('offers the coordinator approve and return (with a required comment) for a submitted revision', async () => {
    const submitted = revision({ status: 'SUBMITTED', version: 9, submittedAt: '2026-01-06T09:00:00Z' });
    const fetch = caseServer(
      {
        PlanEditor: () => plan({ current: submitted, pending: submitted, viewerCan: planCanCoordinator }),
        ReturnPlan: () => ({
          data: { returnPlan: { __typename: 'PlanRevisionPayload', revision: { __typename: 'PlanRevision', id: 'REV1', status: 'DRAFT', version: 10, plan: { __typename: 'SupportPlan', id: 'PLAN1', status: 'DRAFT' } } } },
        }),
      },
      { viewer: coordinatorKurzeme },
    );
    renderApp('/plans/PLAN1', { fetch });
    await screen.findByRole('button', { name: 'Apstiprināt' });
    // A coordinator reads the plan; only its municipality's workers edit it.
    expect(screen.queryByRole('button', { name: 'Saglabāt plānu' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Iesniegt apstiprināšanai' })).toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Fizioterapija' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Atgriezt labošanai' }));
    fireEvent.click(screen.getByRole('button', { name: 'Atgriezt plānu' }));
    await screen.findByText('Aizpildiet šo lauku.');
    expect(requestsOf(fetch, 'ReturnPlan')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Komentārs/), { target: { value: 'Precizējiet rādītājus.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Atgriezt plānu' }));
    await waitFor(() => expect(requestsOf(fetch, 'ReturnPlan')).toHaveLength(1));
    expect(requestsOf(fetch, 'ReturnPlan')[0].variables).toEqual({ input: { revisionId: 'REV1', version: 9, comment: 'Precizējiet rādītājus.' } });
  });

  it('offers each workflow step only when the server says the viewer may take it', async () => {
    // Closing stands apart, in a section of its own after the everyday steps.
    const steps = () =>
      [screen.getByRole('region', { name: 'Darbības' }), screen.queryByRole('region', { name: 'Plāna slēgšana' })]
        .flatMap((r) => (r ? within(r).queryAllByRole('button') : []))
        .map((b) => b.textContent)
        .filter((text) => text !== ''); // the decision date's calendar button
    const submitted = revision({ status: 'SUBMITTED', version: 9 });
    const active = revision({ status: 'ACTIVE' });
    const cases = [
      // The worker may not decide a submitted revision.
      { current: submitted, pending: submitted, viewerCan: planCanWorker, expected: [] },
      // A viewer allowed to approve but not to return gets approve only.
      { current: submitted, pending: submitted, viewerCan: { ...planCanCoordinator, return: false }, expected: ['Apstiprināt'] },
      { current: active, pending: null, viewerCan: planCanWorker, expected: ['Sagatavot jaunu redakciju', 'Slēgt plānu'] },
      // The coordinator reads a plan in force; running it is not theirs.
      { current: active, pending: null, viewerCan: planCanCoordinator, expected: [] },
      { current: revision(), pending: revision(), viewerCan: planCanWorker, expected: ['Iesniegt apstiprināšanai'] },
      { current: revision(), pending: revision(), viewerCan: { ...planCanWorker, submit: false }, expected: [] },
    ];
    for (const { current, pending, viewerCan, expected } of cases) {
      const { unmount } = renderApp('/plans/PLAN1', { fetch: caseServer({ PlanEditor: () => plan({ current, pending, viewerCan }) }) });
      await screen.findByRole('heading', { level: 2, name: 'Darbības' });
      expect(steps()).toEqual(expected);
      if (expected.length === 0) expect(screen.getByText('Jums šobrīd nav pieejamu darbību ar šo plānu.')).toBeTruthy();
      unmount();
    }
  });

  it('shows a draft read-only to a viewer the server does not let edit it', async () => {
    renderApp('/plans/PLAN1', { fetch: caseServer({ PlanEditor: () => plan({ viewerCan: { ...planCanWorker, editDraft: false } }) }) });
    expect(await screen.findByRole('rowheader', { name: 'Fizioterapija' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Saglabāt plānu' })).toBeNull();
  });

  it('lists the revisions and shows the differences between two of them', async () => {
    const active = revision({ id: 'REVA', status: 'ACTIVE', number: 1 });
    const draft2 = revision({ id: 'REVB', number: 2, budget: '1200.00', budgetUnplanned: '400.00' });
    const fetch = caseServer({
      PlanEditor: () => plan({ current: active, pending: draft2, revisions: [historyRow(1, 'ACTIVE'), historyRow(2, 'DRAFT')] }),
      PlanDiff: () => ({
        data: {
          node: {
            __typename: 'SupportPlan',
            id: 'PLAN1',
            diff: [
              { __typename: 'FieldChange', path: 'budget', label: null, before: '1000.00', after: '1200.00' },
              { __typename: 'FieldChange', path: 'lines[l1].plannedUnits', label: 'Fizioterapija CHILD', before: '20', after: '30' },
              { __typename: 'FieldChange', path: 'goals[g1].status', label: 'Staigāt bez atbalsta', before: 'NOT_STARTED', after: 'IN_PROGRESS' },
              { __typename: 'FieldChange', path: 'lines[l9]', label: 'Atbalsta grupas PARENTS', before: null, after: 'Atbalsta grupas PARENTS' },
            ],
          },
        },
      }),
    });
    renderApp('/plans/PLAN1', { fetch });
    // The pending draft is the one edited; the active revision stays in force.
    expect(await screen.findByRole('heading', { level: 2, name: '2. redakcijas projekts' })).toBeTruthy();
    expect(screen.getByText('1. redakcija (īstenošanā)')).toBeTruthy();
    const history = screen.getByRole('table', { name: 'Redakciju vēsture' });
    const rows = within(history).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows[0]).toEqual(['1', 'īstenošanā', '01.01.2026 – 31.12.2026', `1${NBSP}000,00${NBSP}€`, '05.01.2026 10:00', '—', '10.01.2026 12:30, Kristīne Koordinatore']);

    expect((screen.getByLabelText('No') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('Līdz') as HTMLSelectElement).value).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Salīdzināt' }));
    const diff = await screen.findByRole('table', { name: 'Izmaiņas no 1. līdz 2. redakcijai' });
    expect(requestsOf(fetch, 'PlanDiff')[0].variables).toEqual({ id: 'PLAN1', from: 1, to: 2 });
    const changes = within(diff).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(changes).toEqual([
      ['Individuālais budžets', `1${NBSP}000,00${NBSP}€`, `1${NBSP}200,00${NBSP}€`],
      ['Pakalpojums „Fizioterapija (bērns)”: Plānotais apjoms', '20', '30'],
      ['Mērķis „Staigāt bez atbalsta”: Mērķa statuss', 'nav uzsākts', 'tiek īstenots'],
      ['Pievienots pakalpojums', '—', 'Atbalsta grupas (vecāki)'],
    ]);
  });

  it('shows "not found" for an id that answers null (absent, or out of the caller\'s scope)', async () => {
    renderApp('/plans/nope', { fetch: caseServer({ PlanEditor: () => ({ data: { node: null } }) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Plāns nav atrasts' })).toBeTruthy();
  });
});
