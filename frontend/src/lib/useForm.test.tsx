import { MantineProvider, TextInput } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { theme } from '../theme';
import { requiredFields, useForm, type FieldErrors } from './useForm';

type Values = { firstName: string; lastName: string; note: string };

function check(v: Values): FieldErrors<keyof Values> {
  return requiredFields(v, ['firstName', 'lastName'] as const);
}

/** The server's answer to a send: a message at a field, as a case mutation's may be. */
const taken: FieldErrors<keyof Values> = { lastName: 'dateInput.invalid' };

function NamesForm({ initial, answer }: { initial: Values; answer?: FieldErrors<keyof Values> }) {
  const form = useForm<Values>({ initial, validate: check });
  const input = (f: keyof Values, label: string, named = true) => (
    <TextInput
      label={label}
      name={named ? f : undefined}
      value={form.values[f]}
      onChange={(e) => form.set(f, e.currentTarget.value)}
      error={form.error(f)}
    />
  );
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(() => answer)} noValidate>
      {input('firstName', 'Vārds')}
      {input('lastName', 'Uzvārds')}
      {/* No name: checked only when the form is sent. */}
      {input('note', 'Piezīme', false)}
      <button type="submit">Saglabāt</button>
    </form>
  );
}

function open(initial: Values, answer?: FieldErrors<keyof Values>) {
  render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={createI18n('lv')}>
        <NamesForm initial={initial} answer={answer} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

const required = 'Aizpildiet šo lauku.';

describe('useForm: checks on leaving a field', () => {
  it('says what is wrong once a changed field is left, and takes it back when it is right', () => {
    open({ firstName: 'Anna', lastName: '', note: '' });
    expect(required).toBe(createI18n('lv').t('child.errors.required'));
    const first = screen.getByLabelText('Vārds');
    fireEvent.change(first, { target: { value: '  ' } });
    // Not while typing: only when the field is left.
    expect(screen.queryByText(required)).toBeNull();
    fireEvent.blur(first);
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(required)).toHaveLength(1);

    fireEvent.change(first, { target: { value: 'Anna' } });
    fireEvent.blur(first);
    expect(first.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText(required)).toBeNull();
  });

  it('does not scold a field only passed through, and leaves the rest to the send', () => {
    open({ firstName: '', lastName: '', note: '' });
    const last = screen.getByLabelText('Uzvārds');
    fireEvent.focus(last);
    fireEvent.blur(last);
    expect(screen.queryByText(required)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt' }));
    expect(screen.getAllByText(required)).toHaveLength(2);
    // A field fixed and left loses its message; the other keeps it.
    fireEvent.change(last, { target: { value: 'Ozola' } });
    fireEvent.blur(last);
    expect(screen.getAllByText(required)).toHaveLength(1);
    expect(screen.getByLabelText('Vārds').getAttribute('aria-invalid')).toBe('true');
  });

  it("keeps the server's message at a field only passed through, and drops it once the field is changed and right", async () => {
    open({ firstName: 'Jana', lastName: 'Ozola', note: '' }, taken);
    const message = createI18n('lv').t('dateInput.invalid');
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt' }));
    const last = screen.getByLabelText('Uzvārds');
    await waitFor(() => expect(last.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(message)).toBeTruthy();
    fireEvent.focus(last);
    fireEvent.blur(last);
    expect(screen.getByText(message)).toBeTruthy();
    fireEvent.change(last, { target: { value: 'Ozoliņa' } });
    fireEvent.blur(last);
    expect(screen.queryByText(message)).toBeNull();
  });

  it('says nothing when the field is left for one of its buttons (the click must land), and drops a fixed message while typing', () => {
    open({ firstName: 'Anna', lastName: '', note: '' });
    const first = screen.getByLabelText('Vārds');
    const send = screen.getByRole('button', { name: 'Saglabāt' });
    fireEvent.change(first, { target: { value: '' } });
    fireEvent.blur(first, { relatedTarget: send });
    expect(screen.queryByText(required)).toBeNull();
    fireEvent.click(send);
    expect(first.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(first, { target: { value: 'A' } });
    expect(first.getAttribute('aria-invalid')).not.toBe('true');
  });
});
