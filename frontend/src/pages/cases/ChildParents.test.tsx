// The parents on the child page: linking a registered parent, removing a link after a
// confirmation, changing a parent's data with CONFLICT handling, errors at the field in both
// languages, and who gets these controls.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, coordinatorKurzeme, graphQLError, liepaja, requestsOf, workerLiepaja, type Handler } from '../../test/caseServer';
import { renderApp } from '../../test/render';

const dace = { __typename: 'Parent', id: 'PA1', personalCode: null, firstName: 'Dace', lastName: 'Ozola', phone: '+371 20000000', email: null, address: null, version: 4 };
const janis = { __typename: 'Parent', id: 'PA2', personalCode: '010180-10006', firstName: 'Jānis', lastName: 'Ozols', phone: null, email: 'janis@example.lv' };

// `edit`: what the server answers for the viewer (true for a worker of the child's municipality).
function childNode(parents = [{ __typename: 'ParentLink', relation: 'MOTHER', legalRepresentative: true, parent: dace }], edit = true) {
  return {
    __typename: 'Child',
    id: 'C1',
    personalCode: '020714-20002',
    firstName: 'Mārtiņš',
    lastName: 'Ozols',
    birthDate: '2014-07-02',
    birthYear: 2014,
    sex: 'MALE',
    municipality: liepaja,
    livingArrangement: 'FAMILY',
    disabilityFrom: '2020-01-01',
    disabilityTo: null,
    specialCareNeedFrom: null,
    specialCareNeedTo: null,
    impairments: [],
    createdAt: '2025-05-01T09:00:00Z',
    version: 3,
    viewerCan: { __typename: 'ChildPermissions', edit },
    parents,
    applications: [],
    assessments: [],
    supportPlans: [],
  };
}

const childAnswer = (node: unknown) => () => ({ data: { node } });
const searchAnswer = (nodes: unknown[]) => () => ({
  data: {
    parents: {
      __typename: 'ParentConnection',
      totalCount: nodes.length,
      edges: nodes.map((node) => ({ __typename: 'ParentEdge', node })),
    },
  },
});
const childPayload = (field: string, typename: string) => () => ({
  data: { [field]: { __typename: typename, child: { __typename: 'Child', id: 'C1', version: 4 } } },
});

function open(handlers: Record<string, Handler>, { language = 'lv' as 'lv' | 'en', viewer = workerLiepaja as unknown, edit = true } = {}) {
  const fetch = caseServer({ ChildPage: childAnswer(childNode(undefined, edit)), ...handlers }, { viewer });
  const rendered = renderApp('/children/C1', { fetch, language });
  return { fetch, ...rendered };
}

const section = (name = 'Vecāki un likumiskie pārstāvji') => screen.getByRole('region', { name });

describe('linking a registered parent', () => {
  it('finds parents by name, marks those linked already, and links the chosen one with the relation and representation chosen', async () => {
    const { fetch } = open({
      ParentSearch: searchAnswer([dace, janis]),
      LinkParent: childPayload('linkParent', 'LinkParentPayload'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Piesaistīt reģistrētu vecāku' }));
    // The form's chunk may still be on its way in the test (the page fetches it when it shows).
    const form = within(await screen.findByRole('form', { name: 'Piesaistīt jau reģistrētu vecāku' }));
    // Focus starts in the search box.
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText('Meklēt vecāku')));

    fireEvent.change(form.getByLabelText('Meklēt vecāku'), { target: { value: 'Ozol' } });
    fireEvent.keyDown(form.getByLabelText('Meklēt vecāku'), { key: 'Enter' });
    expect(await form.findByText('Atrasti 2 vecāki')).toBeTruthy();
    expect(requestsOf(fetch, 'ParentSearch')[0].variables).toEqual({ search: 'Ozol' });
    // Enter searched: nothing was linked.
    expect(requestsOf(fetch, 'LinkParent')).toHaveLength(0);

    const daceRadio = form.getByRole('radio', { name: /^Ozola Dace/ }) as HTMLInputElement;
    expect(daceRadio.disabled).toBe(true);
    expect(form.getByText('Jau piesaistīts šim bērnam')).toBeTruthy();

    // Nothing chosen: said at the list and at the relation, nothing sent.
    fireEvent.click(form.getByRole('button', { name: 'Piesaistīt' }));
    expect(await form.findByText('Izvēlieties vecāku no atrastajiem.')).toBeTruthy();
    expect(requestsOf(fetch, 'LinkParent')).toHaveLength(0);

    fireEvent.click(form.getByRole('radio', { name: 'Ozols Jānis (010180-10006, janis@example.lv)' }));
    fireEvent.change(form.getByLabelText(/^Radniecība/), { target: { value: 'FATHER' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Likumiskais pārstāvis' }));
    fireEvent.click(form.getByRole('button', { name: 'Piesaistīt' }));

    await waitFor(() => expect(requestsOf(fetch, 'LinkParent')).toHaveLength(1));
    expect(requestsOf(fetch, 'LinkParent')[0].variables).toEqual({
      input: { childId: 'C1', parentId: 'PA2', relation: 'FATHER', legalRepresentative: false },
    });
    // Done: the form closes, the page asks for the child anew and focus returns to the opener.
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Piesaistīt jau reģistrētu vecāku' })).toBeNull());
    await waitFor(() => expect(requestsOf(fetch, 'ChildPage').length).toBeGreaterThan(1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Piesaistīt reģistrētu vecāku' })));
    expect(screen.getByText('Vecāks piesaistīts bērnam.')).toBeTruthy();
  });

  it('says when nobody matches and asks for at least two characters', async () => {
    const { fetch } = open({ ParentSearch: searchAnswer([]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Piesaistīt reģistrētu vecāku' }));
    const form = within(screen.getByRole('form', { name: 'Piesaistīt jau reģistrētu vecāku' }));
    fireEvent.change(form.getByLabelText('Meklēt vecāku'), { target: { value: 'O' } });
    fireEvent.click(form.getByRole('button', { name: 'Meklēt' }));
    expect(await form.findByText('Ievadiet vismaz 2 rakstzīmes.')).toBeTruthy();
    expect(requestsOf(fetch, 'ParentSearch')).toHaveLength(0);
    fireEvent.change(form.getByLabelText('Meklēt vecāku'), { target: { value: '999999' } });
    fireEvent.click(form.getByRole('button', { name: 'Meklēt' }));
    expect(await form.findByText('Neviens vecāks neatbilst meklētajam “999999”.')).toBeTruthy();
  });

  it("shows the server's error at the field it names, in English too", async () => {
    open({ ParentSearch: searchAnswer([janis]), LinkParent: () => graphQLError('BAD_USER_INPUT', 'parentId') }, { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Link a registered parent' }));
    const form = within(screen.getByRole('form', { name: 'Link a parent who is registered already' }));
    fireEvent.change(form.getByLabelText('Search for a parent'), { target: { value: '0101' } });
    fireEvent.click(form.getByRole('button', { name: 'Search' }));
    fireEvent.click(await form.findByRole('radio', { name: /^Ozols Jānis/ }));
    fireEvent.change(form.getByLabelText(/^Relation/), { target: { value: 'FATHER' } });
    fireEvent.click(form.getByRole('button', { name: 'Link' }));
    const message = await form.findByText('This parent is linked to the child already.');
    // At the list of parents found: each choice is described by it, focus is on the first
    // choice, and there is no second message above the form.
    const choice = form.getByRole('radio', { name: /^Ozols Jānis/ });
    expect(choice.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(choice));
    expect(form.queryByRole('alert')).toBeNull();
  });
});

describe('removing a link', () => {
  it('asks first, and keeps everything on cancel', async () => {
    const { fetch } = open({});
    fireEvent.click(await screen.findByRole('button', { name: 'Noņemt saiti: Ozola Dace' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Noņemt saiti ar vecāku?' }));
    expect(dialog.getByText('Ozola Dace vairs nebūs piesaistīts bērnam Ozols Mārtiņš.')).toBeTruthy();
    expect(dialog.getByText(/Vecāka ieraksts paliek reģistrā/)).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Atcelt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsOf(fetch, 'UnlinkParent')).toHaveLength(0);
  });

  it('removes the link once confirmed, and says so when it fails', async () => {
    let fail = true;
    const { fetch } = open({
      UnlinkParent: () => (fail ? graphQLError('FORBIDDEN') : childPayload('unlinkParent', 'UnlinkParentPayload')()),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Noņemt saiti: Ozola Dace' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Noņemt saiti ar vecāku?' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Noņemt saiti' }));
    expect(await dialog.findByText('Jums nav tiesību veikt šo darbību.')).toBeTruthy();
    fail = false;
    fireEvent.click(dialog.getByRole('button', { name: 'Noņemt saiti' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Vecāks atsaistīts no bērna; vecāka ieraksts saglabājas.')).toBeTruthy();
    expect(requestsOf(fetch, 'UnlinkParent').map((r) => r.variables)).toEqual([
      { input: { childId: 'C1', parentId: 'PA1' } },
      { input: { childId: 'C1', parentId: 'PA1' } },
    ]);
  });
});

describe("changing a parent's data", () => {
  it('saves names and contacts naming the version it was opened on', async () => {
    const { fetch } = open({
      UpdateParent: () => ({ data: { updateParent: { __typename: 'UpdateParentPayload', parent: { ...dace, phone: '+371 29999999', email: 'dace@example.lv', version: 5 } } } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Ozola Dace' }));
    const form = within(screen.getByRole('form', { name: 'Vecāka dati: Ozola Dace' }));
    expect(document.activeElement).toBe(form.getByLabelText('Personas kods (ja zināms)'));
    expect((form.getByLabelText(/^Vārds/) as HTMLInputElement).value).toBe('Dace');
    fireEvent.change(form.getByLabelText('Tālrunis'), { target: { value: '+371 29999999' } });
    fireEvent.change(form.getByLabelText('E-pasts'), { target: { value: 'dace@example.lv' } });
    fireEvent.click(form.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(requestsOf(fetch, 'UpdateParent')).toHaveLength(1));
    expect(requestsOf(fetch, 'UpdateParent')[0].variables).toEqual({
      input: {
        id: 'PA1',
        version: 4,
        parent: { personalCode: null, firstName: 'Dace', lastName: 'Ozola', phone: '+371 29999999', email: 'dace@example.lv', address: null },
      },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Vecāka dati: Ozola Dace' })).toBeNull());
    // Focus is back on the button that opened the form.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Labot: Ozola Dace' })));
    expect(screen.getByText('Vecāka dati saglabāti.')).toBeTruthy();
  });

  it('checks required names before sending, and shows the server field error at its input', async () => {
    const { fetch } = open({ UpdateParent: () => graphQLError('BAD_USER_INPUT', 'email') });
    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Ozola Dace' }));
    const form = within(screen.getByRole('form', { name: 'Vecāka dati: Ozola Dace' }));
    fireEvent.change(form.getByLabelText(/^Vārds/), { target: { value: ' ' } });
    fireEvent.click(form.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText(/^Vārds/)));
    expect(requestsOf(fetch, 'UpdateParent')).toHaveLength(0);

    fireEvent.change(form.getByLabelText(/^Vārds/), { target: { value: 'Dace' } });
    fireEvent.change(form.getByLabelText('E-pasts'), { target: { value: 'dace@' } });
    fireEvent.click(form.getByRole('button', { name: 'Saglabāt' }));
    expect(await form.findByText('Ievadiet derīgu e-pasta adresi.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText('E-pasts')));
    expect(form.getByLabelText('E-pasts').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a CONFLICT and reloads the newest version on request', async () => {
    const { fetch } = open({ UpdateParent: () => graphQLError('CONFLICT') }, { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit: Ozola Dace' }));
    const form = within(screen.getByRole('form', { name: "Parent's data: Ozola Dace" }));
    fireEvent.change(form.getByLabelText('Phone'), { target: { value: '+371 21111111' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    const alert = within(await form.findByRole('alert'));
    expect(alert.getByText('Someone else changed this record')).toBeTruthy();
    const loads = requestsOf(fetch, 'ChildPage').length;
    fireEvent.click(alert.getByRole('button', { name: 'Reload the latest version' }));
    await waitFor(() => expect(requestsOf(fetch, 'ChildPage').length).toBe(loads + 1));
    expect(screen.queryByRole('form', { name: "Parent's data: Ozola Dace" })).toBeNull();
  });
});

describe('who may change parents', () => {
  it('offers a coordinator of the region none of the parent controls', async () => {
    open({}, { viewer: coordinatorKurzeme, edit: false });
    await screen.findByRole('heading', { level: 1, name: 'Ozols Mārtiņš' });
    await screen.findByText('Šos datus var mainīt bērna pašvaldības sociālā dienesta darbinieks.');
    const parents = section();
    expect(within(parents).getByRole('rowheader', { name: 'Ozola Dace' })).toBeTruthy();
    expect(within(parents).queryAllByRole('button')).toHaveLength(0);
    expect(within(parents).queryByRole('columnheader', { name: 'Darbības' })).toBeNull();
  });

  it('offers a worker of another municipality none either', async () => {
    open({}, { viewer: { ...workerLiepaja, municipalities: [{ __typename: 'Municipality', id: 'M-other', name: 'Ventspils' }] }, edit: false });
    await screen.findByRole('heading', { level: 1, name: 'Ozols Mārtiņš' });
    expect(within(section()).queryAllByRole('button')).toHaveLength(0);
  });

  it('offers the worker of the child municipality every control, by keyboard-reachable buttons', async () => {
    open({});
    await screen.findByRole('button', { name: 'Labot: Ozola Dace' });
    const names = within(section())
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Piesaistīt reģistrētu vecāku', 'Pievienot vecāku', 'Labot: Ozola Dace', 'Noņemt saiti: Ozola Dace']);
  });
});
