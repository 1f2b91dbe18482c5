import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { liepajaWorker, meAnswer } from '../test/users';
import { returnPath } from './SignInPage';

const failing = (code: string) => () => ({ data: null, errors: [{ message: 'server text', extensions: { code } }] });

function fillIn(email: string, password: string, labels = { email: 'E-pasta adrese', password: 'Parole' }) {
  fireEvent.change(screen.getByLabelText(labels.email, { exact: false }), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(labels.password, { exact: false, selector: 'input' }), { target: { value: password } });
}

describe('SignInPage', () => {
  it('has labelled fields and an h1, and asks for what is missing before sending', async () => {
    const fetch = fakeServer({});
    renderApp('/sign-in', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Pieteikšanās — Atbalsts'));
    const email = screen.getByLabelText('E-pasta adrese', { exact: false });
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Parole', { exact: false, selector: 'input' }).getAttribute('autocomplete')).toBe(
      'current-password',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Pieteikties' }));
    expect(await screen.findByText('Ievadiet e-pasta adresi.')).toBeTruthy();
    expect(screen.getByText('Ievadiet paroli.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    expect(requestsOf(fetch, 'SignIn')).toHaveLength(0);
  });

  it('says "wrong email or password" for UNAUTHENTICATED, never the server text, and clears the password', async () => {
    const fetch = fakeServer({ SignIn: failing('UNAUTHENTICATED') });
    renderApp('/sign-in', { fetch });
    await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' });
    fillIn('x@atbalsts.example', 'nepareiza');
    fireEvent.click(screen.getByRole('button', { name: 'Pieteikties' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nepareiza e-pasta adrese vai parole.');
    expect(alert.textContent).not.toContain('server text');
    expect(requestsOf(fetch, 'SignIn')[0].variables).toEqual({
      input: { email: 'x@atbalsts.example', password: 'nepareiza' },
    });
    const password = screen.getByLabelText('Parole', { exact: false, selector: 'input' }) as HTMLInputElement;
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
  });

  it.each([
    ['RATE_LIMITED', 'Too many failed attempts. Please wait and try again.'],
    ['BAD_USER_INPUT', 'Check the email address and the password.'],
    ['INTERNAL', 'An error occurred on the server. Please try again later.'],
  ])('tells %s in English', async (code, message) => {
    renderApp('/sign-in', { language: 'en', fetch: fakeServer({ SignIn: failing(code) }) });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fillIn('x@atbalsts.example', 'whatever', { email: 'Email address', password: 'Password' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain(message);
  });

  it.each([
    ['lv', 1, 'Mēģiniet vēlreiz pēc 1 sekundes.'],
    ['lv', 8, 'Mēģiniet vēlreiz pēc 8 sekundēm.'],
    ['lv', 21, 'Mēģiniet vēlreiz pēc 21 sekundes.'],
    ['lv', 61, 'Mēģiniet vēlreiz pēc 2 minūtēm.'],
    ['en', 1, 'Please try again in 1 second.'],
    ['en', 300, 'Please try again in 5 minutes.'],
  ] as const)('tells in %s how long to wait: %d seconds', async (language, retryAfter, message) => {
    const SignIn = () => ({ data: null, errors: [{ message: 'server text', extensions: { code: 'RATE_LIMITED', retryAfter } }] });
    renderApp('/sign-in', { language, fetch: fakeServer({ SignIn }) });
    const labels = language === 'en' ? { email: 'Email address', password: 'Password' } : undefined;
    await screen.findByRole('heading', { level: 1 });
    fillIn('x@atbalsts.example', 'whatever', labels);
    fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Sign in' : 'Pieteikties' }));
    expect((await screen.findByRole('alert')).textContent).toContain(message);
  });

  it('goes back to the page the user wanted after signing in', async () => {
    let me: typeof liepajaWorker | null = null;
    const fetch = fakeServer({
      Me: () => meAnswer(me)(),
      SignIn: () => {
        me = liepajaWorker;
        return { data: { signIn: { __typename: 'SignInPayload', user: { __typename: 'User', id: liepajaWorker.id } } } };
      },
      Profile: () => ({
        data: { me: { ...liepajaWorker, createdAt: '2026-01-05T08:00:00Z', lastSignInAt: '2026-11-22T14:03:56Z', apiTokens: [] } },
      }),
    });
    const { router } = renderApp('/profile', { fetch });

    // Nobody is signed in: the profile sends the user to sign in.
    await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' });
    expect(router.state.location.pathname).toBe('/sign-in');
    fillIn(liepajaWorker.email, 'liepaja-demo-2026');
    fireEvent.click(screen.getByRole('button', { name: 'Pieteikties' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mans profils' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/profile');
    expect(await screen.findByText('22.11.2026 16:03')).toBeTruthy(); // last sign-in, on Latvia's clock
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Līga Darbiniece')).toBeTruthy();
    expect(within(banner).getByText('Pašvaldības darbinieks')).toBeTruthy();
  });
});

describe('returnPath', () => {
  it.each([
    [{ from: '/admin/users?x=1' }, '/admin/users?x=1'],
    [{ from: '//evil.example/' }, '/'],
    [{ from: 'https://evil.example/' }, '/'],
    [{ from: '/sign-in' }, '/'],
    [null, '/'],
    [undefined, '/'],
  ])('%j → %s', (state, want) => {
    expect(returnPath(state)).toBe(want);
  });
});
