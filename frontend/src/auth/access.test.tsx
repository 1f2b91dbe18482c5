import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderApp, requestsOf } from '../test/render';
import { admin, analyst, coordinator, liepajaWorker, meAnswer, workAreasOf } from '../test/users';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: /navigācija|navigation/ }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('access by role', () => {
  it('shows nobody signed in the public pages and a sign-in link', async () => {
    renderApp('/', { fetch: fakeServer({}) });
    expect(await screen.findByRole('link', { name: 'Pieteikties' })).toBeTruthy();
    expect(navLinks()).toEqual(['Sākums', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole']);
  });

  it('shows a municipality worker their name, translated role, the profile but not the users admin', async () => {
    renderApp('/', { fetch: fakeServer({ Me: meAnswer(liepajaWorker) }) });
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByText('Līga Darbiniece')).toBeTruthy();
    expect(within(banner).getByText('Pašvaldības darbinieks')).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Iziet' })).toBeTruthy();
    expect(navLinks()).toEqual(['Sākums', 'Mani apmeklējumi', 'Bērni', 'Projekti', 'Pārbaude', 'Kompensācijas', 'Statistika', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole', 'Profils']);

    fireEvent.change(screen.getByLabelText('Valoda'), { target: { value: 'en' } });
    expect(await within(banner).findByText('Municipality worker')).toBeTruthy();
    expect(navLinks()).toEqual(['Home', 'My sessions', 'Children', 'Projects', 'Verification', 'Claims', 'Statistics', 'Regions', 'Services', 'GraphQL console', 'Profile']);
  });

  it('shows an admin the users admin', async () => {
    renderApp('/', { fetch: fakeServer({ Me: meAnswer(admin) }) });
    expect(await within(screen.getByRole('banner')).findByText('Administrators')).toBeTruthy();
    expect(navLinks()).toEqual(['Sākums', 'Bērni', 'Projekti', 'Pārbaude', 'Kompensācijas', 'Statistika', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole', 'Lietotāji', 'Profils']);
  });

  it('refuses the users admin page to a municipality worker who types its address, without asking for users', async () => {
    const fetch = fakeServer({ Me: meAnswer(liepajaWorker) });
    renderApp('/admin/users', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText(/Šī lapa lomai “Pašvaldības darbinieks” nav pieejama/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Jauns lietotājs' })).toBeNull();
    await waitFor(() => expect(document.title).toBe('Nav piekļuves — Atbalsts'));
    // The page's query never left: the fake server has no handler for it and would have failed.
    expect(requestsOf(fetch, 'Users')).toHaveLength(0);
  });

  it('keeps the case pages from an analyst, who works on pseudonymous figures over the API', async () => {
    const fetch = fakeServer({ Me: meAnswer(analyst) });
    renderApp('/children', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    // Claims hold sums, not names: the analyst reads them.
    expect(navLinks()).toEqual(['Sākums', 'Kompensācijas', 'Statistika', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole', 'Profils']);
    expect(requestsOf(fetch, 'Children')).toHaveLength(0);
  });

  it('keeps the verification queue and preparing claims from an analyst and a region coordinator', async () => {
    for (const [me, path] of [
      [analyst, '/deliveries/verify'],
      [analyst, '/claims/new'],
      [coordinator, '/deliveries/verify'],
      [coordinator, '/claims/new'],
    ] as const) {
      const fetch = fakeServer({ Me: meAnswer(me) });
      const { unmount } = renderApp(path, { fetch });
      expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
      expect(requestsOf(fetch, 'Deliveries')).toHaveLength(0);
      unmount();
    }
  });

  it("follows the server's answer of where the user works, not the role", async () => {
    // A worker whom the server lets read claims only (say, a rule changed on the server).
    const claimsOnly = { ...liepajaWorker, workAreas: { __typename: 'WorkAreas' as const, users: false, cases: false, verifyDeliveries: false, claims: true, prepareClaims: false, statistics: false, manageProjects: false, offlineSessions: false } };
    const fetch = fakeServer({ Me: meAnswer(claimsOnly) });
    const { unmount } = renderApp('/children', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    // My sessions too follows the server's answer (offlineSessions), not the worker's role.
    expect(navLinks()).toEqual(['Sākums', 'Kompensācijas', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole', 'Profils']);
    expect(requestsOf(fetch, 'Children')).toHaveLength(0);
    unmount();

    // An analyst whom the server lets into the users admin gets its link and page.
    const usersToo = { ...analyst, workAreas: { ...analyst.workAreas, users: true } };
    renderApp('/', { fetch: fakeServer({ Me: meAnswer(usersToo) }) });
    await within(screen.getByRole('banner')).findByText(analyst.name);
    expect(navLinks()).toEqual(['Sākums', 'Kompensācijas', 'Statistika', 'Reģioni', 'Pakalpojumi', 'GraphQL konsole', 'Lietotāji', 'Profils']);
  });

  it('keeps the statistics from the roles it is not for, without asking for figures', async () => {
    const assessor = { ...liepajaWorker, role: 'ASSESSOR' as const, municipalities: [], workAreas: workAreasOf.ASSESSOR };
    const fetch = fakeServer({ Me: meAnswer(assessor) });
    renderApp('/statistics', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    expect(navLinks()).not.toContain('Statistika');
    expect(requestsOf(fetch, 'StatisticsPage')).toHaveLength(0);
  });

  it("gates the statistics by the server's work area, not by the role", async () => {
    // A worker whom the server keeps from the statistics: no link, no page, no figures asked.
    const noStatistics = { ...liepajaWorker, workAreas: { ...liepajaWorker.workAreas, statistics: false } };
    const fetch = fakeServer({ Me: meAnswer(noStatistics) });
    renderApp('/statistics', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    expect(navLinks()).not.toContain('Statistika');
    expect(requestsOf(fetch, 'StatisticsPage')).toHaveLength(0);
  });

  it('sends nobody signed in from an admin page to sign in', async () => {
    const { router } = renderApp('/admin/users', { fetch: fakeServer({}) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.state).toEqual({ from: '/admin/users' });
  });

  it('keeps the reference pages public', async () => {
    renderApp('/services', { fetch: fakeServer({ ServiceTypes: () => ({ data: { serviceTypes: [] } }) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pakalpojumu katalogs' })).toBeTruthy();
    expect(await screen.findByText('Katalogā nav pakalpojumu.')).toBeTruthy();
  });

  it('signs out: sends signOut with the CSRF token, forgets the user and shows the sign-in page', async () => {
    document.cookie = 'atbalsts_csrf=tok123; path=/';
    let me: typeof admin | null = admin;
    const fetch = fakeServer({
      Me: () => meAnswer(me)(),
      SignOut: () => {
        me = null;
        return { data: { signOut: { __typename: 'SignOutPayload', ok: true } } };
      },
    });
    const { router } = renderApp('/', { fetch });
    fireEvent.click(await within(screen.getByRole('banner')).findByRole('button', { name: 'Iziet' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' })).toBeTruthy();
    // The whole app starts over after signing out (a fresh client and cache): a new header.
    const banner = screen.getByRole('banner');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(within(banner).queryByText('Agnese Administratore')).toBeNull();
    expect(within(banner).getByRole('link', { name: 'Pieteikties' })).toBeTruthy();
    expect(requestsOf(fetch, 'SignOut')[0].headers['x-csrf-token']).toBe('tok123');
    expect(navLinks()).not.toContain('Lietotāji');
    document.cookie = 'atbalsts_csrf=; path=/; max-age=0';
  });
});
