import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UsersQuery } from '../gql/graphql';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { admin, meAnswer } from '../test/users';

type UserNode = UsersQuery['users']['edges'][number]['node'];

function user(n: number, extra: Partial<UserNode> = {}): UserNode {
  return {
    __typename: 'User',
    id: `VXNlcjo${n}`,
    name: `Lietotājs ${String(n).padStart(2, '0')}`,
    email: `u${n}@atbalsts.example`,
    role: 'MINISTRY_ANALYST',
    active: true,
    lastSignInAt: null,
    version: 1,
    viewerCan: { __typename: 'UserPermissions', edit: true, deactivate: true, resetPassword: true },
    region: null,
    municipalities: [],
    provider: null,
    ...extra,
  };
}

const liga = user(4, {
  name: 'Līga Darbiniece',
  email: 'darbiniece.liepaja@atbalsts.example',
  role: 'MUNICIPALITY_WORKER',
  municipalities: [{ __typename: 'Municipality', id: 'm12', name: 'Liepāja' }],
  lastSignInAt: '2026-11-22T14:03:56Z',
});
const karlis = user(3, {
  name: 'Kārlis Koordinators',
  role: 'REGION_COORDINATOR',
  region: { __typename: 'PlanningRegion', id: 'r1', name: 'Kurzemes plānošanas reģions', nameEn: 'Kurzeme Planning Region' },
});
// The server does not let anyone deactivate themself, and says so.
const selfRow = user(1, { name: admin.name, email: admin.email, role: 'ADMIN', id: admin.id, viewerCan: { __typename: 'UserPermissions', edit: true, deactivate: false, resetPassword: true } });

function page(nodes: UserNode[], totalCount: number, hasNextPage: boolean) {
  return {
    data: {
      users: {
        __typename: 'UserConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes[nodes.length - 1].id}` : null },
        edges: nodes.map((node) => ({ __typename: 'UserEdge', cursor: `c-${node.id}`, node })),
      },
    },
  };
}

const scopeOptions = () => ({
  data: {
    regions: [
      {
        __typename: 'PlanningRegion',
        id: 'r1',
        name: 'Kurzemes plānošanas reģions',
        nameEn: 'Kurzeme Planning Region',
        municipalities: [
          { __typename: 'Municipality', id: 'm12', name: 'Liepāja', validTo: null },
          { __typename: 'Municipality', id: 'm15', name: 'Dienvidkurzemes novads', validTo: null },
        ],
      },
    ],
    providers: {
      __typename: 'ProviderConnection',
      edges: [{ __typename: 'ProviderEdge', node: { __typename: 'Provider', id: 'p1', name: 'Piemērs' } }],
    },
  },
});

const table = () => screen.getByRole('table', { name: 'Lietotāji' });
const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
const cellsOf = (name: string) => Array.from(rowOf(name).querySelectorAll('td'), (c) => c.textContent);

describe('UsersPage', () => {
  it('lists users with role, scope, status and last sign-in, and loads more after the last cursor', async () => {
    const first = [selfRow, karlis, liga];
    const more = [user(5, { active: false })];
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: (v) => (v.after ? page(more, 4, false) : page(first, 4, true)),
    });
    renderApp('/admin/users', { fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'Lietotāji' })).toBeTruthy();
    expect(await screen.findByText('Atrasti lietotāji: 4')).toBeTruthy();
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Vārds, uzvārds',
      'E-pasta adrese',
      'Loma',
      'Darbības joma',
      'Statuss',
      'Pēdējā pieteikšanās',
      'Darbības',
    ]);
    expect(cellsOf('Līga Darbiniece').slice(0, 5)).toEqual([
      'darbiniece.liepaja@atbalsts.example',
      'Pašvaldības darbinieks',
      'Liepāja',
      'aktīvs',
      '22.11.2026 16:03',
    ]);
    expect(cellsOf('Kārlis Koordinators')[2]).toBe('Kurzemes plānošanas reģions');
    expect(cellsOf(admin.name)[2]).toBe('visa valsts');
    expect(requestsOf(fetch, 'Users')[0].variables).toEqual({ filter: {}, first: 25 });

    // The server answers that one cannot deactivate oneself: no such button in one's own row.
    expect(within(rowOf(admin.name)).queryByRole('button', { name: /Deaktivizēt/ })).toBeNull();
    expect(within(rowOf('Līga Darbiniece')).getByRole('button', { name: 'Deaktivizēt lietotāju Līga Darbiniece' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Rādīt vairāk' }));
    expect(await screen.findByRole('rowheader', { name: 'Lietotājs 05' })).toBeTruthy();
    expect(cellsOf('Lietotājs 05')[3]).toBe('deaktivizēts');
    expect(within(rowOf('Lietotājs 05')).getByRole('button', { name: 'Aktivizēt lietotāju Lietotājs 05' })).toBeTruthy();
    expect(requestsOf(fetch, 'Users').some((r) => r.variables?.after === `c-${liga.id}`)).toBe(true);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Rādīt vairāk' })).toBeNull());
    expect(within(table()).getAllByRole('rowheader')).toHaveLength(4);
  });

  it('filters by search text and role', async () => {
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: (v) => {
        const filter = v.filter as { search?: string; role?: string };
        return filter.search === 'līga' && filter.role === 'MUNICIPALITY_WORKER' ? page([liga], 1, false) : page([selfRow, karlis, liga], 3, false);
      },
    });
    renderApp('/admin/users', { fetch });
    expect(await screen.findByText('Atrasti lietotāji: 3')).toBeTruthy();

    const search = within(screen.getByRole('search', { name: 'Lietotāju meklēšana' }));
    fireEvent.change(search.getByLabelText('Loma'), { target: { value: 'MUNICIPALITY_WORKER' } });
    fireEvent.change(search.getByLabelText('Meklēt pēc vārda vai e-pasta'), { target: { value: ' līga ' } });
    expect(await screen.findByText('Atrasti lietotāji: 1')).toBeTruthy();
    expect(within(table()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Līga Darbiniece']);
    expect(requestsOf(fetch, 'Users').at(-1)?.variables).toEqual({
      filter: { search: 'līga', role: 'MUNICIPALITY_WORKER' },
      first: 25,
    });
  });

  it('creates a user with the scope field the role needs, showing errors at the fields', async () => {
    let created = false;
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: () => (created ? page([selfRow, user(9, { name: 'Jana Bērziņa' })], 2, false) : page([selfRow], 1, false)),
      ScopeOptions: scopeOptions,
      CreateUser: (v) => {
        const input = v.input as { email: string };
        if (input.email === 'admin@atbalsts.example') {
          return { data: null, errors: [{ message: 'exists already', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] };
        }
        created = true;
        return { data: { createUser: { __typename: 'CreateUserPayload', user: { __typename: 'User', id: 'VXNlcjo5', name: 'Jana Bērziņa' } } } };
      },
    });
    renderApp('/admin/users', { fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Jauns lietotājs' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Jauns lietotājs' }));

    // Nothing filled in: every required field says what it needs; nothing is sent.
    fireEvent.click(dialog.getByRole('button', { name: 'Izveidot lietotāju' }));
    expect(await dialog.findByText('Izvēlieties lomu.')).toBeTruthy();
    expect(dialog.getByText('Parolē jābūt no 12 līdz 128 rakstzīmēm.')).toBeTruthy();
    expect(document.activeElement).toBe(dialog.getByLabelText('E-pasta adrese', { exact: false }));
    expect(requestsOf(fetch, 'CreateUser')).toHaveLength(0);

    // The scope field follows the role.
    const role = dialog.getByLabelText('Loma', { exact: false });
    fireEvent.change(role, { target: { value: 'REGION_COORDINATOR' } });
    expect(dialog.getByLabelText('Plānošanas reģions', { exact: false })).toBeTruthy();
    expect(dialog.queryByRole('combobox', { name: /Pašvaldības/ })).toBeNull();
    fireEvent.change(role, { target: { value: 'ASSESSOR' } });
    expect(dialog.getByLabelText('Pakalpojuma sniedzējs', { exact: false })).toBeTruthy();
    fireEvent.change(role, { target: { value: 'MUNICIPALITY_WORKER' } });
    expect(dialog.queryByLabelText('Pakalpojuma sniedzējs', { exact: false })).toBeNull();

    const municipalities = dialog.getByRole('combobox', { name: /Pašvaldības/ });
    fireEvent.click(municipalities);
    fireEvent.click(await screen.findByRole('option', { name: 'Liepāja' }));

    fireEvent.change(dialog.getByLabelText('E-pasta adrese', { exact: false }), { target: { value: 'admin@atbalsts.example' } });
    fireEvent.change(dialog.getByLabelText('Vārds, uzvārds', { exact: false }), { target: { value: 'Jana Bērziņa' } });
    fireEvent.change(dialog.getByLabelText('Sākotnējā parole', { exact: false, selector: 'input' }), {
      target: { value: 'sakotneja-parole-2026' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Izveidot lietotāju' }));

    // The server's error names the field: it is shown there, in Latvian.
    expect(await dialog.findByText('Šī e-pasta adrese nav derīga vai jau pieder citam lietotājam.')).toBeTruthy();
    const email = dialog.getByLabelText('E-pasta adrese', { exact: false });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    expect(requestsOf(fetch, 'CreateUser')[0].variables).toEqual({
      input: {
        email: 'admin@atbalsts.example',
        name: 'Jana Bērziņa',
        role: 'MUNICIPALITY_WORKER',
        municipalityIds: ['m12'],
        password: 'sakotneja-parole-2026',
      },
    });

    fireEvent.change(email, { target: { value: 'jana.berzina@atbalsts.example' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Izveidot lietotāju' }));
    expect(await screen.findByText('Lietotājs “Jana Bērziņa” izveidots.')).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'Jana Bērziņa' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('deactivates a user and tells so', async () => {
    let active = true;
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: () => page([selfRow, { ...liga, active }], 2, false),
      SetUserActive: (v) => {
        active = (v.input as { active: boolean }).active;
        return { data: { setUserActive: { __typename: 'SetUserActivePayload', user: { __typename: 'User', id: liga.id, active, version: 2 } } } };
      },
    });
    renderApp('/admin/users', { fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Deaktivizēt lietotāju Līga Darbiniece' }));
    // Asked first, saying what will happen.
    const dialog = await screen.findByRole('dialog', { name: 'Deaktivizēt lietotāju Līga Darbiniece?' });
    expect(dialog.textContent).toMatch(/tiks izrakstīts/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deaktivizēt' }));
    expect(await screen.findByText(/Lietotājs “Līga Darbiniece” deaktivizēts/)).toBeTruthy();
    expect(requestsOf(fetch, 'SetUserActive')[0].variables).toEqual({ input: { id: liga.id, active: false } });
    expect(await screen.findByRole('button', { name: 'Aktivizēt lietotāju Līga Darbiniece' })).toBeTruthy();
    expect(cellsOf('Līga Darbiniece')[3]).toBe('deaktivizēts');
  });

  it('sends the version when editing and explains a CONFLICT', async () => {
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: () => page([selfRow, { ...liga, version: 7 }], 2, false),
      ScopeOptions: scopeOptions,
      UpdateUser: () => ({ data: null, errors: [{ message: 'changed by someone else', extensions: { code: 'CONFLICT' } }] }),
    });
    renderApp('/admin/users', { fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Labot lietotāju Līga Darbiniece' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Labot lietotāju “Līga Darbiniece”' }));
    expect(dialog.queryByLabelText('E-pasta adrese', { exact: false })).toBeNull(); // the email is not changed here
    fireEvent.change(dialog.getByLabelText('Vārds, uzvārds', { exact: false }), { target: { value: 'Līga Ozola' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Saglabāt' }));

    const alert = await dialog.findByRole('alert');
    expect(alert.textContent).toContain('Kāds cits pa to laiku ir mainījis šī lietotāja datus');
    expect(requestsOf(fetch, 'UpdateUser')[0].variables).toEqual({
      input: { id: liga.id, version: 7, name: 'Līga Ozola', role: 'MUNICIPALITY_WORKER', municipalityIds: ['m12'] },
    });
    // The list is asked again, so that reopening the edit starts from the current version.
    await waitFor(() => expect(requestsOf(fetch, 'Users').length).toBeGreaterThan(1));
  });

  it('resets a password, checking its length first', async () => {
    const fetch = fakeServer({
      Me: meAnswer(admin),
      Users: () => page([selfRow, liga], 2, false),
      ResetUserPassword: () => ({
        data: { resetUserPassword: { __typename: 'ResetUserPasswordPayload', user: { __typename: 'User', id: liga.id } } },
      }),
    });
    renderApp('/admin/users', { language: 'en', fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'New password for user Līga Darbiniece' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New password for “Līga Darbiniece”' }));
    const password = dialog.getByLabelText('New password', { exact: false, selector: 'input' });
    fireEvent.change(password, { target: { value: 'short' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Set password' }));
    expect(await dialog.findByText('A password must have 12 to 128 characters.')).toBeTruthy();
    expect(requestsOf(fetch, 'ResetUserPassword')).toHaveLength(0);

    fireEvent.change(password, { target: { value: 'a-long-enough-password' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('A new password has been set for “Līga Darbiniece”.')).toBeTruthy();
    expect(requestsOf(fetch, 'ResetUserPassword')[0].variables).toEqual({ input: { id: liga.id, password: 'a-long-enough-password' } });
  });
});
