import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, graphQLError, liepaja, requestsOf } from '../../test/caseServer';
import { renderApp } from '../../test/render';

const child = (id: string, firstName: string, lastName: string, personalCode: string, birthDate: string) => ({
  __typename: 'Child',
  id,
  personalCode,
  firstName,
  lastName,
  birthDate,
  birthYear: Number(birthDate.slice(0, 4)),
  municipality: liepaja,
  supportPlans: [] as { __typename: 'SupportPlan'; id: string; kind: string; status: string }[],
});

const page = (nodes: ReturnType<typeof child>[], total: number, next: string | null) => ({
  data: {
    children: {
      __typename: 'ChildConnection',
      totalCount: total,
      pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
      edges: nodes.map((node) => ({ __typename: 'ChildEdge', cursor: `c-${node.id}`, node })),
    },
  },
});

const anna = {
  ...child('C1', 'Anna', 'Bērziņa', '010115-12345', '2015-01-01'),
  supportPlans: [{ __typename: 'SupportPlan' as const, id: 'P1', kind: 'SOCIAL_REHABILITATION', status: 'ACTIVE' }],
};
const janis = child('C2', 'Jānis', 'Kalniņš', '020316-12345', '2016-03-02');
const liga = child('C3', 'Līga', 'Ozola', '030417-12345', '2017-04-03');

function rows(): string[][] {
  return within(screen.getByRole('table', { name: 'Bērni' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? ''));
}

describe('ChildrenPage', () => {
  it('lists children with dates as dd.mm.yyyy, links to each, and loads the next page after the last cursor', async () => {
    const fetch = caseServer({
      Children: (v) => (v.after === 'c-C2' ? page([liga], 3, null) : page([anna, janis], 3, 'c-C2')),
    });
    renderApp('/children', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bērni' })).toBeTruthy();
    await screen.findByRole('link', { name: 'Bērziņa Anna' });
    expect(rows()).toEqual([
      ['Bērziņa Anna', '010115-12345', '01.01.2015', 'Liepāja', 'rehabilitācija: īstenošanā'],
      ['Kalniņš Jānis', '020316-12345', '02.03.2016', 'Liepāja', 'nav plāna'],
    ]);
    expect(screen.getByText('Atrasti 3 bērni')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bērziņa Anna' }).getAttribute('href')).toBe('/children/C1');

    fireEvent.click(screen.getByRole('button', { name: 'Ielādēt vēl' }));
    await screen.findByRole('link', { name: 'Ozola Līga' });
    expect(rows().map((r) => r[0])).toEqual(['Bērziņa Anna', 'Kalniņš Jānis', 'Ozola Līga']);
    expect(requestsOf(fetch, 'Children').map((r) => r.variables)).toEqual([
      { filter: {}, first: 50, after: null, orderBy: 'NAME_ASC' },
      { filter: {}, first: 50, after: 'c-C2', orderBy: 'NAME_ASC' },
    ]);
    expect(screen.queryByRole('button', { name: 'Ielādēt vēl' })).toBeNull();
  });

  it('sends the search and the filters, and starts the list afresh', async () => {
    const fetch = caseServer({
      Children: (v) => ((v.filter as { search?: string }).search === 'Bērz' ? page([anna], 1, null) : page([anna, janis], 2, null)),
    });
    renderApp('/children', { fetch });
    await screen.findByRole('link', { name: 'Kalniņš Jānis' });

    fireEvent.change(screen.getByLabelText('Meklēt', { selector: 'input' }), { target: { value: ' Bērz ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Meklēt' }));
    expect(await screen.findByText('Atrasts 1 bērns')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Kalniņš Jānis' })).toBeNull();

    // The municipality options come from the reference list.
    await screen.findByRole('option', { name: 'Liepāja' });
    fireEvent.change(screen.getByLabelText('Pašvaldība'), { target: { value: liepaja.id } });
    fireEvent.change(screen.getByLabelText('Traucējumu veids'), { target: { value: 'HEARING' } });
    fireEvent.change(screen.getByLabelText('Plāna statuss'), { target: { value: 'ACTIVE' } });
    await waitFor(() =>
      expect(requestsOf(fetch, 'Children').at(-1)?.variables).toEqual({
        filter: { search: 'Bērz', municipalityId: liepaja.id, impairment: 'HEARING', planStatus: 'ACTIVE' },
        first: 50,
        after: null,
        orderBy: 'NAME_ASC',
      }),
    );
  });

  it('searches as the user types, without Enter', async () => {
    const fetch = caseServer({
      Children: (v) => ((v.filter as { search?: string }).search === 'Bērz' ? page([anna], 1, null) : page([anna, janis], 2, null)),
    });
    renderApp('/children', { fetch });
    await screen.findByRole('link', { name: 'Kalniņš Jānis' });
    fireEvent.change(screen.getByLabelText('Meklēt', { selector: 'input' }), { target: { value: 'Bērz' } });
    expect(await screen.findByText('Atrasts 1 bērns', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Kalniņš Jānis' })).toBeNull();
    expect(requestsOf(fetch, 'Children').at(-1)?.variables).toEqual({ filter: { search: 'Bērz' }, first: 50, after: null, orderBy: 'NAME_ASC' });
  });

  it('sorts on the server by a column header, and reads the sort and the filter from the address', async () => {
    const fetch = caseServer({ Children: () => page([anna, janis], 2, null) });
    renderApp('/children?q=Kal&planStatus=ACTIVE&sort=-birthDate', { fetch });
    await screen.findByRole('link', { name: 'Kalniņš Jānis' });
    expect(requestsOf(fetch, 'Children')[0].variables).toEqual({
      filter: { search: 'Kal', planStatus: 'ACTIVE' },
      first: 50,
      after: null,
      orderBy: 'BIRTH_DATE_DESC',
    });
    expect((screen.getByLabelText('Meklēt', { selector: 'input' }) as HTMLInputElement).value).toBe('Kal');
    expect((screen.getByLabelText('Plāna statuss') as HTMLSelectElement).value).toBe('ACTIVE');
    const header = (name: string) => screen.getByRole('columnheader', { name });
    expect(header('Dzimšanas datums').getAttribute('aria-sort')).toBe('descending');
    expect(header('Vārds, uzvārds').hasAttribute('aria-sort')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Vārds, uzvārds' }));
    await waitFor(() => expect(requestsOf(fetch, 'Children').at(-1)?.variables?.orderBy).toBe('NAME_ASC'));
    // The list shows again once the answer for the new order has come.
    await waitFor(() => expect(header('Vārds, uzvārds').getAttribute('aria-sort')).toBe('ascending'));
    fireEvent.click(screen.getByRole('button', { name: 'Vārds, uzvārds' }));
    await waitFor(() => expect(requestsOf(fetch, 'Children').at(-1)?.variables?.orderBy).toBe('NAME_DESC'));
    // The list shows again once the answer for the new order has come.
    await waitFor(() => expect(header('Vārds, uzvārds').getAttribute('aria-sort')).toBe('descending'));
  });
});

describe('RegisterChildPage', () => {
  // Labels of required inputs end with Mantine's " *".
  const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`));
  const fill = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

  async function fillValidChild() {
    await screen.findByRole('option', { name: 'Liepāja' });
    fill('Personas kods', '010115-22344');
    fill('Dzimšanas datums', '2015-01-01');
    fill('Vārds', 'Anna');
    fill('Uzvārds', 'Bērziņa');
    fill('Dzimums', 'FEMALE');
    fill('Pašvaldība', liepaja.id);
    fill('Dzīvesvieta', 'FAMILY');
    fireEvent.click(screen.getByLabelText('dzirdes'));
  }

  it('says at the field, in Latvian, what is wrong with a personal code, without asking the server', async () => {
    const fetch = caseServer({});
    renderApp('/children/new', { fetch });
    await fillValidChild();
    fill('Personas kods', '010115-22345'); // the check digit of 010115-2234x is 4
    fireEvent.click(screen.getByRole('button', { name: 'Pārbaudīt un reģistrēt' }));
    const input = field('Personas kods');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Personas koda kontrolcipars nesakrīt. Vai kāds cipars nav ievadīts kļūdaini?')).toBeTruthy();
    expect(document.activeElement).toBe(input);
    expect(requestsOf(fetch, 'PossibleDuplicateChildren')).toHaveLength(0);
    expect(requestsOf(fetch, 'CreateChild')).toHaveLength(0);
  });

  it('shows possible duplicates first, and registers only when asked to', async () => {
    const fetch = caseServer({
      PossibleDuplicateChildren: () => ({ data: { possibleDuplicateChildren: [{ ...anna, id: 'C9' }] } }),
      CreateChild: () => ({ data: { createChild: { __typename: 'CreateChildPayload', child: { __typename: 'Child', id: 'C-new' } } } }),
      ChildPage: () => ({ data: { node: null } }),
    });
    renderApp('/children/new', { fetch });
    await fillValidChild();
    fireEvent.click(screen.getByRole('button', { name: 'Pārbaudīt un reģistrēt' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Atrasts 1 iespējams dublikāts')).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Bērziņa Anna' }).getAttribute('href')).toBe('/children/C9');
    expect(requestsOf(fetch, 'PossibleDuplicateChildren')[0].variables).toEqual({
      input: { personalCode: '010115-22344', birthDate: '2015-01-01', firstName: 'Anna', lastName: 'Bērziņa' },
    });
    expect(requestsOf(fetch, 'CreateChild')).toHaveLength(0);

    fireEvent.click(within(alert).getByRole('button', { name: 'Tomēr reģistrēt jaunu bērnu' }));
    await waitFor(() => expect(requestsOf(fetch, 'CreateChild')).toHaveLength(1));
    expect(requestsOf(fetch, 'CreateChild')[0].variables).toEqual({
      input: {
        child: {
          personalCode: '010115-22344',
          firstName: 'Anna',
          lastName: 'Bērziņa',
          birthDate: '2015-01-01',
          sex: 'FEMALE',
          municipalityId: liepaja.id,
          livingArrangement: 'FAMILY',
          disabilityFrom: null,
          disabilityTo: null,
          specialCareNeedFrom: null,
          specialCareNeedTo: null,
          impairments: ['HEARING'],
        },
      },
    });
    // On to the new child's page.
    await screen.findByRole('heading', { level: 1, name: 'Bērns nav atrasts' });
  });

  it('shows the server rejection of a personal code at the field, in English for an English user', async () => {
    const fetch = caseServer({
      PossibleDuplicateChildren: () => ({ data: { possibleDuplicateChildren: [] } }),
      CreateChild: () => graphQLError('BAD_USER_INPUT', 'personalCode'),
    });
    renderApp('/children/new', { fetch, language: 'en' });
    await screen.findByRole('option', { name: 'Liepāja' });
    const fillEn = fill;
    fillEn('Personal code', '010115-22344');
    fillEn('Date of birth', '2015-01-01');
    fillEn('First name', 'Anna');
    fillEn('Last name', 'Bērziņa');
    fillEn('Sex', 'FEMALE');
    fillEn('Municipality', liepaja.id);
    fillEn('Living arrangement', 'FAMILY');
    fireEvent.click(screen.getByRole('button', { name: 'Check and register' }));
    await screen.findByText('The personal code is not valid, or a person with this personal code is registered already.');
    expect(field('Personal code').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('server message in English')).toBeNull();
  });

  it('says that a personal code is registered already when the server gives that reason', async () => {
    const fetch = caseServer({
      PossibleDuplicateChildren: () => ({ data: { possibleDuplicateChildren: [] } }),
      CreateChild: () => graphQLError('BAD_USER_INPUT', 'personalCode', 'registered'),
    });
    renderApp('/children/new', { fetch });
    await fillValidChild();
    fireEvent.click(screen.getByRole('button', { name: 'Pārbaudīt un reģistrēt' }));
    await screen.findByText(/Bērns ar šo personas kodu jau ir reģistrēts/);
    expect(field('Personas kods').getAttribute('aria-invalid')).toBe('true');
  });
});
