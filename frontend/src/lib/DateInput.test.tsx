import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, type Language } from '../i18n';
import { theme } from '../theme';
import { addMonths, DateCalendar } from './DateCalendar';
import { DateInput, dateProblem, isDate } from './DateInput';
import { todayInRiga } from './dates';

function wrap(ui: React.ReactNode, language: Language = 'lv') {
  return render(
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
}

/** A DateInput holding its value, which the test reads from `seen`. */
function Field({ initial = '', min, max, seen }: { initial?: string; min?: string; max?: string; seen: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DateInput
      label="Datums"
      value={value}
      min={min}
      max={max}
      onChange={(v) => {
        setValue(v);
        seen(v);
      }}
    />
  );
}

describe('DateInput', () => {
  it('shows a stored date as dd.mm.yyyy and gives what is typed as yyyy-mm-dd once it is a day', () => {
    const seen = vi.fn();
    wrap(<Field initial="2026-03-05" seen={seen} />);
    const input = screen.getByLabelText(/^Datums/) as HTMLInputElement;
    expect(input.value).toBe('05.03.2026');
    fireEvent.change(input, { target: { value: '1.2.2025' } });
    expect(seen).toHaveBeenLastCalledWith('2025-02-01');
    // What is typed stays as typed while the field has it.
    expect(input.value).toBe('1.2.2025');
    fireEvent.change(input, { target: { value: '31.02.2025' } });
    expect(seen).toHaveBeenLastCalledWith('31.02.2025');
  });

  it('says on leaving the field what is wrong: no day, before min, after max, in the future; in English too', () => {
    const { unmount } = wrap(<Field seen={() => {}} min="2026-01-01" max="2026-06-30" />);
    const input = screen.getByLabelText(/^Datums/);
    fireEvent.change(input, { target: { value: '31.02.2026' } });
    expect(screen.queryByText(/Ievadiet datumu/)).toBeNull(); // not while typing
    fireEvent.blur(input);
    expect(screen.getByText('Ievadiet datumu formā dd.mm.gggg, piemēram, 15.03.2021.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Once shown, the message follows the text.
    fireEvent.change(input, { target: { value: '15.12.2025' } });
    expect(screen.getByText('Datums nevar būt agrāks par 01.01.2026.')).toBeTruthy();
    fireEvent.change(input, { target: { value: '01.07.2026' } });
    expect(screen.getByText('Datums nevar būt vēlāks par 30.06.2026.')).toBeTruthy();
    fireEvent.change(input, { target: { value: '15.03.2026' } });
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    unmount();

    wrap(<Field seen={() => {}} max={todayInRiga()} />, 'en');
    const en = screen.getByLabelText(/^Datums/);
    fireEvent.change(en, { target: { value: '01.01.2999' } });
    fireEvent.blur(en);
    expect(screen.getByText('The date cannot be in the future.')).toBeTruthy();
  });

  it('checks a value for a form: required, a day, within bounds', () => {
    expect(dateProblem('', { required: true })).toBe('child.errors.required');
    expect(dateProblem('')).toBeUndefined();
    expect(dateProblem('2026-02-30')).toBe('dateInput.invalid');
    expect(dateProblem('2026-02-01', { min: '2026-02-02' })).toEqual(['datePicker.notBefore', { date: '02.02.2026' }]);
    expect(dateProblem('2026-02-03', { max: '2026-02-02' })).toEqual(['datePicker.notAfter', { date: '02.02.2026' }]);
    expect(isDate('2026-02-03')).toBe(true);
    expect(isDate('03.02.2026')).toBe(false);
  });

  it('picks a day from the calendar by keyboard, named in the UI language; Escape closes it', async () => {
    const seen = vi.fn();
    wrap(<Field initial="2026-03-05" seen={seen} />);
    const button = screen.getByRole('button', { name: 'Izvēlēties kalendārā: Datums' });
    fireEvent.click(button);
    const grid = await screen.findByRole('grid', { name: /^2026\. g\. marts$/ });
    // Focus on the chosen day (moved there by an effect, which may run just after the grid shows).
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/2026\. gada 5\. marts/));
    expect([...grid.querySelectorAll('th')].map((h) => h.getAttribute('abbr')?.toLowerCase())).toEqual([
      'pirmdiena',
      'otrdiena',
      'trešdiena',
      'ceturtdiena',
      'piektdiena',
      'sestdiena',
      'svētdiena',
    ]);
    const key = (k: string, extra: object = {}) => act(() => void fireEvent.keyDown(document.activeElement!, { key: k, ...extra }));
    key('ArrowRight'); // 6.3.
    key('ArrowDown'); // 13.3.
    key('PageDown'); // 13.4.
    const month = () => document.getElementById(screen.getByRole('grid').getAttribute('aria-labelledby')!)?.textContent;
    expect(month()).toMatch(/^2026\. g\. aprīlis$/);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/2026\. gada 13\. aprīlis/);
    key('PageUp', { shiftKey: true }); // 13.4.2025
    expect(month()).toMatch(/^2025\. g\. aprīlis$/);
    key('Enter');
    expect(seen).toHaveBeenLastCalledWith('2025-04-13');
    expect((screen.getByLabelText(/^Datums/) as HTMLInputElement).value).toBe('13.04.2025');

    // The calendar's own button has replaced the stand-in by now: find it again.
    fireEvent.click(screen.getByRole('button', { name: 'Izvēlēties kalendārā: Datums' }));
    const again = await screen.findByRole('grid');
    await vi.waitFor(() => expect(again.contains(document.activeElement)).toBe(true));
    key('Escape');
    await vi.waitFor(() => expect(screen.queryByRole('grid')).toBeNull());
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('moves by month and year with its buttons, and does not pick a day out of bounds', async () => {
    const pick = vi.fn();
    wrap(<DateCalendar
        value={null}
        today="2026-01-31"
        min="2026-01-10"
        max="2026-02-20"
        onPick={pick}
        onCancel={() => {}}
        language="en"
        labels={{ prevYear: 'Previous year', prevMonth: 'Previous month', nextMonth: 'Next month', nextYear: 'Next year' }}
      />, 'en');
    expect(screen.getByRole('grid', { name: 'January 2026' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('grid', { name: 'February 2026' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /February 25, 2026/ }));
    expect(pick).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /February 20, 2026/ }));
    expect(pick).toHaveBeenCalledWith('2026-02-20');
    fireEvent.click(screen.getByRole('button', { name: 'Previous year' }));
    expect(screen.getByRole('grid', { name: 'February 2025' })).toBeTruthy();
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});
