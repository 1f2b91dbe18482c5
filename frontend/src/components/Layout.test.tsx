import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';

describe('the app shell', () => {
  it('is in Latvian by default, with landmarks and one h1', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      'Atbalsta plāni bērniem ar funkcionāliem traucējumiem',
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Galvenā navigācija' });
    expect(nav.textContent).toContain('Reģioni');
    expect(screen.getByRole('link', { name: 'Sākums' }).getAttribute('aria-current')).toBe('page');
    expect(document.documentElement.lang).toBe('lv');
    await waitFor(() => expect(document.title).toBe('Atbalsts'));
  });

  it('switches to English and back, remembering the choice', async () => {
    renderApp('/');
    const select = await screen.findByLabelText('Valoda');
    fireEvent.change(select, { target: { value: 'en' } });

    expect(await screen.findByRole('link', { name: 'Regions' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Support plans for children with functional impairments',
    );
    expect(screen.getByLabelText('Language')).toHaveProperty('value', 'en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('atbalsts.language')).toBe('en');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'lv' } });
    expect(await screen.findByRole('link', { name: 'Reģioni' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('lv');
    expect(localStorage.getItem('atbalsts.language')).toBe('lv');
  });

  it('names each language in that language', async () => {
    renderApp('/', { language: 'en' });
    const options = (await screen.findAllByRole('option')) as HTMLOptionElement[];
    expect(options.map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['lv', 'Latviešu', 'lv'],
      ['en', 'English', 'en'],
    ]);
  });

  it('has a skip link that moves focus to the main content', async () => {
    renderApp('/');
    fireEvent.click(await screen.findByRole('link', { name: 'Pāriet uz saturu' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('moves focus to the main content after navigating', async () => {
    renderApp('/');
    fireEvent.click(await screen.findByRole('link', { name: 'Pakalpojumi' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pakalpojumu katalogs' })).toBeTruthy();
    // Focus moves in an effect, which may run just after the heading shows.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('shows a translated page for an unknown path', async () => {
    const { i18n } = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lapa nav atrasta' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Lapa nav atrasta — Atbalsts'));
    fireEvent.change(screen.getByLabelText('Valoda'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(i18n.language).toBe('en');
  });
});
