import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/format';
import { todayInRiga } from '../../lib/dates';
import { caseServer, coordinatorKurzeme, graphQLError, liepaja, requestsOf } from '../../test/caseServer';
import { renderApp } from '../../test/render';

const NBSP = '\u00a0';

const firstAmendment = {
  __typename: 'ProjectAmendment',
  number: 1,
  decidedOn: '2022-04-22',
  enteredAt: '2022-04-25T07:30:00Z',
  actor: { __typename: 'User', id: 'U-admin', name: 'Agnese Administratore' },
  reason: 'Grozījumi Nr. 1',
  changes: [
    { __typename: 'ProjectChange', field: 'totalBudget', before: '7000000.00', after: '7700000.00' },
    { __typename: 'ProjectChange', field: 'endDate', before: '2022-12-31', after: '2023-12-31' },
  ],
};

const project = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Project',
  id: 'UHJvamVjdDox',
  code: '9.2.2.1/15/I/005',
  name: 'Kurzeme visiem',
  leadRegion: { __typename: 'PlanningRegion', id: 'R1', name: 'Kurzemes plānošanas reģions', nameEn: 'Kurzeme Planning Region' },
  startDate: '2015-12-01',
  endDate: '2023-12-31',
  totalBudget: '7700000.00',
  fundingSources: [
    { __typename: 'FundingSource', code: 'ESF', sharePercent: '85.00', amount: '6545000.00' },
    { __typename: 'FundingSource', code: 'STATE_BUDGET', sharePercent: '15.00', amount: '1155000.00' },
  ],
  partnerMunicipalities: [liepaja],
  targets: [{ __typename: 'ProjectTarget', group: 'CHILDREN_SERVED', count: 350 }],
  capRules: [],
  amendments: [firstAmendment],
  version: 4,
  viewerCan: { __typename: 'ProjectPermissions', manage: true },
  ...overrides,
});

const answer = (node: unknown) => ({
  data: { projects: { __typename: 'ProjectConnection', totalCount: 1, edges: [{ __typename: 'ProjectEdge', node }] } },
});
const amended = (number: number) => ({
  data: { amendProject: { __typename: 'AmendProjectPayload', project: { __typename: 'Project', id: 'UHJvamVjdDox', version: 5, amendments: [{ __typename: 'ProjectAmendment', number }] } } },
});

const field = (label: RegExp) => screen.getByLabelText(label, { selector: 'input, textarea, select' });
const type = (label: RegExp, value: string) => fireEvent.change(field(label), { target: { value } });

async function openForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Grozīt projektu “Kurzeme visiem”' }));
  return screen.findByRole('region', { name: 'Grozīt projektu' });
}

describe('Amending a project', () => {
  it('shows the amendment history with each change before and after', async () => {
    renderApp('/projects', { fetch: caseServer({ ProjectsPage: () => answer(project()) }, { viewer: coordinatorKurzeme }) });
    const table = await screen.findByRole('table', { name: 'Projekta “Kurzeme visiem” grozījumi, jaunākie vispirms' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(cells).toEqual([
      ['Nr.', 'Lēmuma datums', 'Ievadīts', 'Ievadīja', 'Pamatojums', 'Izmaiņas'],
      [
        '1',
        '22.04.2022',
        '25.04.2022 10:30',
        'Agnese Administratore',
        'Grozījumi Nr. 1',
        `Kopējais budžets: 7${NBSP}000${NBSP}000,00${NBSP}€ → 7${NBSP}700${NBSP}000,00${NBSP}€Beigu datums: 31.12.2022 → 31.12.2023`,
      ],
    ]);
  });

  it('sends only what changed, after a confirmation that says the amendment is kept, and says it is saved', async () => {
    let version = 4;
    const fetch = caseServer(
      {
        ProjectsPage: () =>
          answer(version === 4 ? project() : project({ version: 5, endDate: '2029-12-31', amendments: [{ ...firstAmendment, number: 2, reason: 'Grozījumi Nr. 2' }, firstAmendment] })),
        AmendProject: () => {
          version = 5;
          return amended(2);
        },
      },
      { viewer: coordinatorKurzeme },
    );
    renderApp('/projects', { fetch });
    const form = await openForm();
    // The form starts from the project as it is.
    expect((field(/^Nosaukums/) as HTMLInputElement).value).toBe('Kurzeme visiem');
    expect((field(/^Beigu datums/) as HTMLInputElement).value).toBe('31.12.2023');
    expect((field(/^Kopējais budžets, EUR/) as HTMLInputElement).value).toBe('7700000,00');
    expect((field(/^Eiropas Sociālais fonds/) as HTMLInputElement).value).toBe('85');
    expect((field(/^Lēmuma datums/) as HTMLInputElement).value).toBe(formatDate(todayInRiga()));

    type(/^Beigu datums/, '31.12.2029');
    type(/^Pamatojums/, 'Grozījumi Nr. 2 (vienošanās 20.11.2026)');
    fireEvent.click(within(form).getByRole('button', { name: 'Pārskatīt un saglabāt' }));

    const dialog = await screen.findByRole('dialog', { name: 'Saglabāt projekta “Kurzeme visiem” grozījumu?' });
    expect(within(dialog).getByText(/neatgriezeniski ierakstīts projekta vēsturē/)).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Beigu datums: 31.12.2023 → 31.12.2029']);
    expect(requestsOf(fetch, 'AmendProject')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Saglabāt grozījumu' }));

    expect((await screen.findByRole('status')).textContent).toContain('Grozījums Nr. 2 saglabāts');
    expect(requestsOf(fetch, 'AmendProject')[0].variables).toEqual({
      input: {
        projectId: 'UHJvamVjdDox',
        version: 4,
        reason: 'Grozījumi Nr. 2 (vienošanās 20.11.2026)',
        decidedOn: todayInRiga(),
        endDate: '2029-12-31',
      },
    });
    // The page shows the project anew, with the amendment in its history.
    expect(await screen.findByText('Grozījumi Nr. 2')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Grozīt projektu' })).toBeNull();
  });

  it('sends the whole list of funding shares when one changed, and a cap rule to add', async () => {
    const fetch = caseServer({ ProjectsPage: () => answer(project()), AmendProject: () => amended(2) }, { viewer: coordinatorKurzeme });
    renderApp('/projects', { fetch });
    const form = await openForm();
    type(/^Eiropas Sociālais fonds/, '80');
    type(/^valsts budžets/, '20');
    fireEvent.click(within(form).getByLabelText('Pievienot ierobežojuma noteikumu no datuma'));
    fireEvent.change(field(/^Kas ierobežots/), { target: { value: 'CHILD_SESSIONS' } });
    type(/^Spēkā no/, '01.01.2027');
    type(/^Ierobežojums/, '60');
    type(/^Pamatojums/, 'Grozījumi Nr. 2');
    fireEvent.click(within(form).getByRole('button', { name: 'Pārskatīt un saglabāt' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Saglabāt grozījumu' }));
    await waitFor(() => expect(requestsOf(fetch, 'AmendProject')).toHaveLength(1));
    const input = (requestsOf(fetch, 'AmendProject')[0].variables as { input: Record<string, unknown> }).input;
    expect(input.fundingSources).toEqual([
      { code: 'ESF', sharePercent: '80.00' },
      { code: 'STATE_BUDGET', sharePercent: '20.00' },
    ]);
    expect(input.addCapRules).toEqual([{ kind: 'CHILD_SESSIONS', validFrom: '2027-01-01', limit: 60, minAge: null, maxAge: null }]);
    expect(Object.keys(input).sort()).toEqual(['addCapRules', 'decidedOn', 'fundingSources', 'projectId', 'reason', 'version']);
  });

  it('checks the form before asking, and sends nothing while something is wrong', async () => {
    const fetch = caseServer({ ProjectsPage: () => answer(project()) }, { viewer: coordinatorKurzeme });
    renderApp('/projects', { fetch });
    const form = await openForm();
    const submit = () => fireEvent.click(within(form).getByRole('button', { name: 'Pārskatīt un saglabāt' }));

    // Nothing changed.
    type(/^Pamatojums/, 'Grozījumi Nr. 2');
    submit();
    expect(await within(form).findByText(/Nekas nav mainīts/)).toBeTruthy();

    type(/^Pamatojums/, '');
    type(/^Beigu datums/, '31.02.2029');
    type(/^valsts budžets/, '10');
    submit();
    expect(await within(form).findByText('Norādiet grozījuma pamatojumu.')).toBeTruthy();
    expect(within(form).getByText('Daļām kopā jābūt 100 %.')).toBeTruthy();
    expect(within(form).getByText(/Ievadiet datumu formā dd\.mm\.gggg/)).toBeTruthy();
    expect(field(/^Beigu datums/).getAttribute('aria-invalid')).toBe('true');
    // Focus on the first input at fault.
    expect(document.activeElement).toBe(field(/^Beigu datums/));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requestsOf(fetch, 'AmendProject')).toHaveLength(0);
  });

  it("shows the server's refusal at the field it names", async () => {
    const fetch = caseServer(
      { ProjectsPage: () => answer(project()), AmendProject: () => graphQLError('BAD_USER_INPUT', 'input.endDate') },
      { viewer: coordinatorKurzeme },
    );
    renderApp('/projects', { fetch });
    const form = await openForm();
    type(/^Beigu datums/, '30.06.2023');
    type(/^Pamatojums/, 'Saīsināts');
    fireEvent.click(within(form).getByRole('button', { name: 'Pārskatīt un saglabāt' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Saglabāt grozījumu' }));
    expect(await within(form).findByText(/Beigu datums neder: projekta periodā jāietilpst visu tā plānu periodiem/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(field(/^Beigu datums/).getAttribute('aria-invalid')).toBe('true');
    // The form keeps what was typed.
    expect((field(/^Pamatojums/) as HTMLTextAreaElement).value).toBe('Saīsināts');
  });

  it('offers to reload after a conflict', async () => {
    const fetch = caseServer({ ProjectsPage: () => answer(project()), AmendProject: () => graphQLError('CONFLICT') }, { viewer: coordinatorKurzeme });
    renderApp('/projects', { fetch });
    const form = await openForm();
    type(/^Nosaukums/, 'Kurzeme visiem 2');
    type(/^Pamatojums/, 'Grozījumi');
    fireEvent.click(within(form).getByRole('button', { name: 'Pārskatīt un saglabāt' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Saglabāt grozījumu' }));
    const alert = await within(form).findByRole('alert');
    const before = requestsOf(fetch, 'ProjectsPage').length;
    fireEvent.click(within(alert).getByRole('button'));
    await waitFor(() => expect(requestsOf(fetch, 'ProjectsPage').length).toBeGreaterThan(before));
  });
});
