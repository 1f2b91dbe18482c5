import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { theme } from '../theme';
import { useConfirm } from './ConfirmDialog';

function Step() {
  const confirm = useConfirm();
  const [state, setState] = useState('open');
  return (
    <>
      <p>{state}</p>
      <button
        onClick={async () => {
          const ok = await confirm.ask({ title: 'Slēgt plānu?', text: 'Plāns tiks slēgts neatgriezeniski.', confirmLabel: 'Slēgt plānu', danger: true });
          if (ok) setState('closed');
        }}
      >
        Slēgt
      </button>
      {confirm.dialog}
    </>
  );
}

function wrap() {
  return render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={createI18n('lv')}>
        <Step />
      </I18nextProvider>
    </MantineProvider>,
  );
}

describe('the confirm dialog', () => {
  it('says what will happen; Cancel (focused first) and Escape keep things as they are', async () => {
    wrap();
    const trigger = screen.getByRole('button', { name: 'Slēgt' });
    trigger.focus();
    fireEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Slēgt plānu?' });
    expect(dialog.textContent).toContain('Plāns tiks slēgts neatgriezeniski.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Atcelt'));
    fireEvent.click(screen.getByRole('button', { name: 'Atcelt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('open')).toBeTruthy();
    // Focus goes back to the trigger: checked in a real browser (e2e/safety.test.mjs).

    fireEvent.click(trigger);
    const again = await screen.findByRole('dialog', { name: 'Slēgt plānu?' });
    fireEvent.keyDown(again, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('open')).toBeTruthy();
  });

  it('does the step once confirmed', async () => {
    wrap();
    fireEvent.click(screen.getByRole('button', { name: 'Slēgt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slēgt plānu?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Slēgt plānu' }));
    expect(await screen.findByText('closed')).toBeTruthy();
  });
});
