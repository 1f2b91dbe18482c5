import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderApp } from '../test/render';

const oneProvider = () => ({
  data: { authProviders: [{ __typename: 'AuthProvider', name: 'VARAM ID', startUrl: '/auth/oidc/start' }] },
});

describe('signing in through an identity provider', () => {
  it('offers a link named after the provider, when the server has one', async () => {
    renderApp('/sign-in', { fetch: fakeServer({ AuthProviders: oneProvider }) });
    const link = await screen.findByRole('link', { name: 'Pieslēgties ar VARAM ID' });
    expect(link.getAttribute('href')).toBe('/auth/oidc/start');
  });

  it('is in English too, and comes back to the page the user wanted', async () => {
    renderApp('/profile', { language: 'en', fetch: fakeServer({ AuthProviders: oneProvider }) });
    const link = await screen.findByRole('link', { name: 'Sign in with VARAM ID' });
    expect(link.getAttribute('href')).toBe('/auth/oidc/start?return=%2Fprofile');
  });

  it('offers nothing without a provider', async () => {
    renderApp('/sign-in', { fetch: fakeServer({}) });
    await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' });
    expect(screen.queryByRole('link', { name: /Pieslēgties ar/ })).toBeNull();
  });

  it.each([
    ['lv', 'OIDC_NO_ACCOUNT', 'Šim kontam Atbalsts sistēmā nav aktīva lietotāja.'],
    ['lv', 'OIDC_MFA_REQUIRED', 'jāpiesakās ar daudzfaktoru autentifikāciju'],
    ['en', 'OIDC_EMAIL_UNVERIFIED', 'The identity provider has not verified your email address.'],
    ['en', 'OIDC_STATE', 'Please start it again.'],
    ['en', 'OIDC_SOMETHING_NEW', 'Signing in through the identity provider failed.'],
  ] as const)('tells a refused sign-in (%s, %s) in words', async (language, code, message) => {
    renderApp(`/sign-in?error=${code}`, { language, fetch: fakeServer({ AuthProviders: oneProvider }) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).not.toContain(code);
  });

  it('ignores an error parameter that is not one of its codes', async () => {
    renderApp('/sign-in?error=<script>', { fetch: fakeServer({}) });
    await screen.findByRole('heading', { level: 1, name: 'Pieteikšanās' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
