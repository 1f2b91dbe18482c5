import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProfileQuery } from '../gql/graphql';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { liepajaWorker, meAnswer } from '../test/users';

type Token = NonNullable<ProfileQuery['me']>['apiTokens'][number];

const token = (extra: Partial<Token>): Token => ({
  __typename: 'ApiToken',
  id: 'QXBpVG9rZW46MQ',
  name: 'Planšete',
  kind: 'PERSONAL',
  prefix: 'atb_k3Xq',
  createdAt: '2026-11-01T10:00:00Z',
  expiresAt: '2099-01-30T10:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  ...extra,
});

function profile(apiTokens: Token[]) {
  return {
    data: {
      me: { ...liepajaWorker, createdAt: '2026-01-05T08:00:00Z', lastSignInAt: '2026-11-22T14:03:56Z', apiTokens },
    },
  };
}

/** A password input by its label (Mantine appends " *" to the label of a required field). */
const passwordField = (label: string) => screen.getByLabelText(new RegExp(`^${label}( \\*)?$`), { selector: 'input' });

describe('ProfilePage', () => {
  it("shows the user's data and tokens with their state", async () => {
    const tokens = [
      token({ id: 't1', name: 'Planšete', kind: 'APP', lastUsedAt: '2026-11-20T06:30:00Z' }),
      token({ id: 't2', name: 'Vecais skripts', expiresAt: '2026-02-01T00:00:00Z' }),
      token({ id: 't3', name: 'Atsauktais', revokedAt: '2026-11-21T12:00:00Z' }),
    ];
    renderApp('/profile', { fetch: fakeServer({ Me: meAnswer(liepajaWorker), Profile: () => profile(tokens) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mans profils' })).toBeTruthy();
    // The title follows the page in an effect: wait for it rather than race it.
    await waitFor(() => expect(document.title).toBe('Mans profils — Atbalsts'));
    const data = within(await screen.findByRole('region', { name: 'Mani dati' }));
    expect(data.getByText('darbiniece.liepaja@atbalsts.example')).toBeTruthy();
    expect(data.getByText('Liepāja')).toBeTruthy();
    expect(data.getByText('22.11.2026 16:03')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Piekļuves marķieri' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['Planšete', 'lietotnes', 'atb_k3Xq…', '01.11.2026 12:00', '30.01.2099 12:00', '20.11.2026 08:30', 'derīgs', 'Atsaukt'],
      ['Vecais skripts', 'personīgais', 'atb_k3Xq…', '01.11.2026 12:00', '01.02.2026 02:00', 'nekad', 'beidzies', ''],
      ['Atsauktais', 'personīgais', 'atb_k3Xq…', '01.11.2026 12:00', '30.01.2099 12:00', 'nekad', 'atsaukts 21.11.2026 14:00', ''],
    ]);
  });

  it('changes the password, checking the new one first and showing a wrong current one at its field', async () => {
    let attempts = 0;
    const fetch = fakeServer({
      Me: meAnswer(liepajaWorker),
      Profile: () => profile([]),
      ChangePassword: () =>
        ++attempts === 1
          ? { data: null, errors: [{ message: 'wrong', extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' } }] }
          : { data: { changePassword: { __typename: 'ChangePasswordPayload', user: { __typename: 'User', id: liepajaWorker.id } } } },
    });
    renderApp('/profile', { fetch });
    const form = within(await screen.findByRole('region', { name: 'Paroles maiņa' }));
    const submit = () => fireEvent.click(form.getByRole('button', { name: 'Mainīt paroli' }));

    fireEvent.change(passwordField('Pašreizējā parole'), { target: { value: 'vecā-parole-123' } });
    fireEvent.change(passwordField('Jaunā parole'), { target: { value: 'īsa' } });
    submit();
    expect(await form.findByText('Parolē jābūt no 12 līdz 128 rakstzīmēm.')).toBeTruthy();

    fireEvent.change(passwordField('Jaunā parole'), { target: { value: 'jauna-gara-parole' } });
    fireEvent.change(passwordField('Jaunā parole vēlreiz'), { target: { value: 'jauna-gara-parolE' } });
    submit();
    expect(await form.findByText('Paroles nesakrīt.')).toBeTruthy();
    expect(requestsOf(fetch, 'ChangePassword')).toHaveLength(0);

    fireEvent.change(passwordField('Jaunā parole vēlreiz'), { target: { value: 'jauna-gara-parole' } });
    submit();
    expect(await form.findByText('Pašreizējā parole nav pareiza.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(passwordField('Pašreizējā parole')));
    expect(requestsOf(fetch, 'ChangePassword')[0].variables).toEqual({
      input: { currentPassword: 'vecā-parole-123', newPassword: 'jauna-gara-parole', revokeTokens: false },
    });

    fireEvent.change(passwordField('Pašreizējā parole'), { target: { value: 'pareizā-parole' } });
    submit();
    expect(await form.findByText('Parole nomainīta. Pārējās jūsu sesijas ir beigtas.')).toBeTruthy();
    expect((passwordField('Jaunā parole') as HTMLInputElement).value).toBe('');
  });

  it('asks whether to revoke the access tokens too, and says that it did', async () => {
    const fetch = fakeServer({
      Me: meAnswer(liepajaWorker),
      Profile: () => profile([]),
      ChangePassword: () => ({
        data: { changePassword: { __typename: 'ChangePasswordPayload', user: { __typename: 'User', id: liepajaWorker.id, apiTokens: [] } } },
      }),
    });
    renderApp('/profile', { fetch });
    const form = within(await screen.findByRole('region', { name: 'Paroles maiņa' }));
    const revoke = form.getByRole('checkbox', { name: 'Atsaukt arī visus manus piekļuves marķierus' }) as HTMLInputElement;
    expect(revoke.checked).toBe(false);
    expect(form.getByText(/Pārējās jūsu sesijas \(citās ierīcēs un pārlūkos\) beidzas vienmēr/)).toBeTruthy();
    fireEvent.change(passwordField('Pašreizējā parole'), { target: { value: 'pareizā-parole' } });
    fireEvent.change(passwordField('Jaunā parole'), { target: { value: 'jauna-gara-parole' } });
    fireEvent.change(passwordField('Jaunā parole vēlreiz'), { target: { value: 'jauna-gara-parole' } });
    fireEvent.click(revoke);
    fireEvent.click(form.getByRole('button', { name: 'Mainīt paroli' }));
    expect(await form.findByText('Parole nomainīta. Pārējās jūsu sesijas ir beigtas, un visi jūsu piekļuves marķieri ir atsaukti.')).toBeTruthy();
    expect(requestsOf(fetch, 'ChangePassword')[0].variables).toEqual({
      input: { currentPassword: 'pareizā-parole', newPassword: 'jauna-gara-parole', revokeTokens: true },
    });
    expect(revoke.checked).toBe(false);
  });

  it('creates a token, shows its secret once, and revokes a token after confirming', async () => {
    let tokens: Token[] = [];
    const fetch = fakeServer({
      Me: meAnswer(liepajaWorker),
      Profile: () => profile(tokens),
      CreateApiToken: (v) => {
        const input = v.input as { name: string; expiresInDays: number; kind: Token['kind'] };
        const created = token({ id: 'tnew', name: input.name, kind: input.kind });
        tokens = [created];
        return { data: { createApiToken: { __typename: 'CreateApiTokenPayload', secret: 'atb_k3Xq-very-secret', token: created } } };
      },
      RevokeApiToken: () => {
        tokens = [{ ...tokens[0], revokedAt: '2026-11-23T09:00:00Z' }];
        return { data: { revokeApiToken: { __typename: 'RevokeApiTokenPayload', token: { __typename: 'ApiToken', id: 'tnew', revokedAt: '2026-11-23T09:00:00Z' } } } };
      },
    });
    renderApp('/profile', { fetch });
    expect(await screen.findByText('Jums vēl nav piekļuves marķieru.')).toBeTruthy();

    const days = screen.getByLabelText('Derīguma termiņš dienās', { exact: false });
    fireEvent.change(days, { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot marķieri' }));
    expect(await screen.findByText('Ievadiet nosaukumu (līdz 100 rakstzīmēm).')).toBeTruthy();
    expect(screen.getByText('Derīguma termiņam jābūt no 1 līdz 365 dienām.')).toBeTruthy();
    expect(requestsOf(fetch, 'CreateApiToken')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Nosaukums', { exact: false }), { target: { value: ' Komandas planšete ' } });
    fireEvent.change(days, { target: { value: '30' } });
    // A personal token unless the app's kind is chosen, which says what it is for.
    const kinds = within(screen.getByRole('radiogroup', { name: 'Veids' }));
    expect((kinds.getByRole('radio', { name: 'Personīgais' }) as HTMLInputElement).checked).toBe(true);
    const app = kinds.getByRole('radio', { name: 'Lietotnes' });
    expect(app.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Tikai lietotnes darbības/)).toBeTruthy();
    fireEvent.click(app);
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot marķieri' }));
    expect(((await screen.findByLabelText('Slepenā vērtība')) as HTMLInputElement).value).toBe('atb_k3Xq-very-secret');
    expect(screen.getByText(/to vairs nevarēs parādīt/)).toBeTruthy();
    expect(requestsOf(fetch, 'CreateApiToken')[0].variables).toEqual({ input: { name: 'Komandas planšete', expiresInDays: 30, kind: 'APP' } });
    // The list follows (urql refreshes it: the result has an ApiToken), with the token's kind.
    const table = await screen.findByRole('table', { name: 'Piekļuves marķieri' });
    const row = within(table).getByRole('rowheader', { name: 'Komandas planšete' }).closest('tr')!;
    expect(within(row).getByText('lietotnes')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Atsaukt marķieri “Komandas planšete”' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Atsaukt piekļuves marķieri' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Atsaukt marķieri' }));
    expect(await screen.findByText('Marķieris “Komandas planšete” atsaukts.')).toBeTruthy();
    expect(requestsOf(fetch, 'RevokeApiToken')[0].variables).toEqual({ input: { id: 'tnew' } });
    await waitFor(() => expect(within(table).getByText('atsaukts 23.11.2026 11:00')).toBeTruthy());
  });
});
