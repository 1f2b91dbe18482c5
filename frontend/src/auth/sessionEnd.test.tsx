// A session that ends under the user's hands (expired, or ended elsewhere): the first
// UNAUTHENTICATED answer sends the user to sign in again, with the reason and the way back.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { liepajaWorker, meAnswer } from '../test/users';

const unauthenticated = () => ({ errors: [{ message: 'sign in first', extensions: { code: 'UNAUTHENTICATED' } }], data: null });

describe('a session that ends', () => {
  it('forgets the user and goes to sign in, saying why, then returns to the page after signing in again', async () => {
    let me: typeof liepajaWorker | null = liepajaWorker;
    let expired = false;
    const fetch = fakeServer({
      Me: () => meAnswer(me)(),
      ProjectsPage: () => (expired ? unauthenticated() : { data: { projects: { __typename: 'ProjectConnection', totalCount: 0, edges: [] } } }),
      Children: () => {
        // The server no longer knows the session: `me` is anonymous from now on.
        me = null;
        return unauthenticated();
      },
      SignIn: () => {
        me = liepajaWorker;
        expired = false;
        return { data: { signIn: { __typename: 'SignInPayload', user: { __typename: 'User', id: liepajaWorker.id } } } };
      },
    });
    const { router } = renderApp('/children?q=Ozols', { fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.state).toEqual({ from: '/children?q=Ozols', sessionEnded: true });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Sesija ir beigusies')).toBeTruthy();
    expect(within(alert).getByText(/Piesakieties vēlreiz/)).toBeTruthy();
    // The user is forgotten: the header offers to sign in, the case pages are gone.
    const banner = screen.getByRole('banner');
    expect(within(banner).queryByText('Līga Darbiniece')).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Galvenā navigācija' })).queryByRole('link', { name: 'Bērni' })).toBeNull();

    fireEvent.change(screen.getByLabelText('E-pasta adrese', { exact: false }), { target: { value: liepajaWorker.email } });
    fireEvent.change(screen.getByLabelText('Parole', { exact: false, selector: 'input' }), { target: { value: 'liepaja-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pieteikties' }));
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/children?q=Ozols'));
  });

  it('says so in English too, on any page of a signed-in user', async () => {
    let me: typeof liepajaWorker | null = liepajaWorker;
    const { router } = renderApp('/projects', {
      language: 'en',
      fetch: fakeServer({
        Me: () => meAnswer(me)(),
        ProjectsPage: () => {
          me = null;
          return unauthenticated();
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.state).toEqual({ from: '/projects', sessionEnded: true });
    expect(within(screen.getByRole('alert')).getByText('Your session has ended')).toBeTruthy();
  });

  it("does not take a wrong password on the sign-in page for an ended session, and asks `me` no more than needed", async () => {
    const fetch = fakeServer({ SignIn: unauthenticated });
    const { router } = renderApp('/sign-in', { fetch });
    await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' });
    await waitFor(() => expect(requestsOf(fetch, 'Me').length).toBeGreaterThan(0));
    const meRequests = requestsOf(fetch, 'Me').length;
    fireEvent.change(screen.getByLabelText('E-pasta adrese', { exact: false }), { target: { value: 'x@atbalsts.example' } });
    fireEvent.change(screen.getByLabelText('Parole', { exact: false, selector: 'input' }), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pieteikties' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nepareiza e-pasta adrese vai parole.')).toBeTruthy();
    expect(screen.queryByText('Sesija ir beigusies')).toBeNull();
    expect(router.state.location.state).toBeNull();
    // No restart happened: the form keeps the email, and `me` was not asked again.
    expect((screen.getByLabelText('E-pasta adrese', { exact: false }) as HTMLInputElement).value).toBe('x@atbalsts.example');
    expect(requestsOf(fetch, 'Me')).toHaveLength(meRequests);
  });

  it('leaves an anonymous visitor where they are when a query answers UNAUTHENTICATED', async () => {
    const fetch = fakeServer({ Regions: unauthenticated });
    const { router } = renderApp('/regions', { fetch });
    await screen.findByRole('heading', { level: 1, name: 'Plānošanas reģioni' });
    await waitFor(() => expect(requestsOf(fetch, 'Regions')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(router.state.location.pathname).toBe('/regions');
    expect(screen.queryByText('Sesija ir beigusies')).toBeNull();
  });
});
