import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Link, RouterProvider, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { theme } from '../theme';
import { useUnsavedChanges } from './useUnsavedChanges';

function EditPage() {
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const unsaved = useUnsavedChanges(text !== '');
  const save = unsaved.whileSaving(async () => {
    navigate('/saved');
  });
  return (
    <>
      <label>
        Teksts
        <input value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <Link to="/other">Cita lapa</Link>
      <button onClick={() => void save()}>Saglabāt</button>
      {unsaved.guard}
    </>
  );
}

function wrap() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <EditPage /> },
      { path: '/other', element: <h1>Cita</h1> },
      { path: '/saved', element: <h1>Saglabāts</h1> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={createI18n('lv')}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </MantineProvider>,
  );
  return router;
}

describe('useUnsavedChanges', () => {
  it('lets a clean form go without asking', async () => {
    wrap();
    fireEvent.click(screen.getByRole('link', { name: 'Cita lapa' }));
    expect(await screen.findByRole('heading', { name: 'Cita' })).toBeTruthy();
  });

  it('asks before leaving a dirty form: Stay keeps the page and the text, Leave goes', async () => {
    const router = wrap();
    fireEvent.change(screen.getByLabelText('Teksts'), { target: { value: 'mainīts' } });
    fireEvent.click(screen.getByRole('link', { name: 'Cita lapa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aiziet un zaudēt izmaiņas?' });
    expect(dialog.textContent).toContain('nav saglabātas');
    fireEvent.click(screen.getByRole('button', { name: 'Palikt lapā' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/');
    expect((screen.getByLabelText('Teksts') as HTMLInputElement).value).toBe('mainīts');

    fireEvent.click(screen.getByRole('link', { name: 'Cita lapa' }));
    await screen.findByRole('dialog', { name: 'Aiziet un zaudēt izmaiņas?' });
    fireEvent.click(screen.getByRole('button', { name: 'Aiziet un zaudēt izmaiņas' }));
    expect(await screen.findByRole('heading', { name: 'Cita' })).toBeTruthy();
  });

  it('asks the browser before unloading a dirty page, and not a clean one', () => {
    wrap();
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    fireEvent.change(screen.getByLabelText('Teksts'), { target: { value: 'mainīts' } });
    expect(unload()).toBe(true);
  });

  it('does not ask about the page a save goes on to', async () => {
    wrap();
    fireEvent.change(screen.getByLabelText('Teksts'), { target: { value: 'mainīts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt' }));
    expect(await screen.findByRole('heading', { name: 'Saglabāts' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
