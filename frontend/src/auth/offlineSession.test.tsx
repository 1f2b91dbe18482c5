// Opening the app without a connection: `me` cannot be asked, and the offline sessions page
// shows the last user of the device from what the device holds. Every other page still needs
// `me` (the error with a retry), and a device without a remembered user gets the error too.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render';
import { liepajaWorker } from '../test/users';

// jsdom has no IndexedDB: the device's storage is the in-memory store of the sync's tests.
const device = vi.hoisted(() => ({ lastUser: null as unknown }));
vi.mock('../lib/offline/store', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/offline/store')>();
  return {
    ...real,
    lastUser: async () => device.lastUser,
    rememberUser: async () => undefined,
    openUserStore: async () => ({ ...real.memoryStore(), close: () => undefined }),
  };
});

/** A fetch that fails as it does without a connection. */
const noConnection = Object.assign(async () => Promise.reject(new TypeError('Failed to fetch')), { requests: [] }) as unknown as typeof fetch;

describe('without a connection', () => {
  afterEach(() => {
    device.lastUser = null;
  });

  it('shows the last user of the device their sessions, and the navigation to them', async () => {
    device.lastUser = liepajaWorker;
    renderApp('/my-sessions', { fetch: noConnection });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mani apmeklējumi' })).toBeTruthy();
    expect(await screen.findByText('Dati vēl nav ielādēti šajā ierīcē: atveriet šo lapu, kad ir savienojums.')).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Līga Darbiniece')).toBeTruthy();
    expect(within(banner).getByText(/bezsaistē/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Galvenā navigācija' });
    expect(within(nav).getByRole('link', { name: 'Mani apmeklējumi' })).toBeTruthy();
    // The case pages are not offered: they need the server.
    expect(within(nav).queryByRole('link', { name: 'Bērni' })).toBeNull();
  });

  it('still needs the server for every other page', async () => {
    device.lastUser = liepajaWorker;
    renderApp('/children', { fetch: noConnection });
    expect(await screen.findByRole('button', { name: 'Mēģināt vēlreiz' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Bērni' })).toBeNull();
  });

  it('shows the error when the device remembers nobody', async () => {
    renderApp('/my-sessions', { fetch: noConnection });
    expect(await screen.findByRole('button', { name: 'Mēģināt vēlreiz' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Mani apmeklējumi' })).toBeNull();
  });
});
