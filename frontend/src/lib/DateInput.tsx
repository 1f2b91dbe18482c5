// The one date field of the app: a date typed as dd.mm.yyyy, the way dates are written in
// Latvia and shown everywhere in the app (in both languages), or picked from a calendar that a
// button next to the field opens. The browser's own date picker is not used: it shows the
// browser's locale (often mm/dd/yyyy), not the user's chosen language, and differs from
// browser to browser.
//
// The value is the date as the API takes it (yyyy-mm-dd) once what is typed is a day of the
// calendar, and the text as typed while it is not (empty, or "31.02.2021"): a form sends a
// value that isDate accepts and reports dateProblem's message otherwise. Leaving the field
// checks it at once: a text that is no date, or a day before `min` or after `max`.
import { TextInput } from '@mantine/core';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarButton } from './CalendarButton';
import { parseDateInput, todayInRiga } from './dates';
import { lazyNamed } from './lazyNamed';

import classes from './DateInput.module.css';

// The calendar is loaded on its own, once a date field shows.
const loadCalendar = () => import('./DateCalendar');
const DateCalendar = lazyNamed(loadCalendar, 'DateCalendar');
import { formatDate } from './format';
import type { FieldMessage } from './useForm';

/** Whether a DateInput's value is a date (yyyy-mm-dd). */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDateInput(value) === value;
}

/**
 * What is wrong with a DateInput's value, as a message key: not filled in when it must be, not
 * a date, before `min` or after `max` (after today: "in the future"). Nothing for an empty
 * optional date.
 */
export function dateProblem(value: string, { required = false, min, max }: { required?: boolean; min?: string; max?: string } = {}): FieldMessage | undefined {
  if (value.trim() === '') return required ? 'child.errors.required' : undefined;
  const date = parseDateInput(value);
  if (!date) return 'dateInput.invalid';
  if (min && date < min) return ['datePicker.notBefore', { date: formatDate(min) }];
  if (max && date > max) return max === todayInRiga() ? 'datePicker.notFuture' : ['datePicker.notAfter', { date: formatDate(max) }];
  return undefined;
}

/** What the field shows for a value: a date as dd.mm.yyyy, anything else as it is. */
function shown(value: string): string {
  return isDate(value) ? formatDate(value) : value;
}

export function DateInput({
  label,
  value,
  onChange,
  error,
  required,
  min,
  max,
  description,
  maw,
  name,
}: {
  label: string;
  /** yyyy-mm-dd, or the text as typed while it is not a date. */
  value: string;
  onChange: (value: string) => void;
  /** The form's message (after an attempt to send, or the server's). */
  error?: string;
  required?: boolean;
  /** The first and last day allowed (yyyy-mm-dd), where known. */
  min?: string;
  max?: string;
  description?: string;
  maw?: string;
  /** The value's key in the form (useForm checks the field when it is left). */
  name?: string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => shown(value));
  // A value set from outside (a default, a day picked, a reset) shows as a date; what the user
  // types stays as typed.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setText(shown(value));
  }
  const [own, setOwn] = useState<FieldMessage | undefined>(undefined);
  const [checked, setChecked] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void loadCalendar();
  }, []);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Closes the calendar; focus goes back to its button when it had focus inside. */
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  // A click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const message = (m: FieldMessage | undefined) => (m === undefined ? undefined : typeof m === 'string' ? t(m) : t(m[0], m[1]));
  const emit = (s: string) => {
    const out = parseDateInput(s) ?? s;
    setText(s);
    setKnown(out);
    onChange(out);
    // Once a message shows, it follows the text, so that it goes as soon as the text is right.
    if (checked) setOwn(dateProblem(s, { min, max }));
  };

  return (
    <TextInput
      label={label}
      description={description ?? t('dateInput.hint')}
      required={required}
      autoComplete="off"
      inputMode="numeric"
      name={name}
      value={text}
      maw={maw}
      onChange={(e) => emit(e.currentTarget.value)}
      onBlur={() => {
        setChecked(true);
        setOwn(dateProblem(text, { min, max }));
      }}
      error={message(own) ?? error}
      rightSectionWidth={40}
      rightSectionPointerEvents="all"
      rightSection={
        <div className={classes.anchor} ref={anchor}>
          <CalendarButton ref={button} label={label} expanded={open} onClick={() => (open ? close(false) : setOpen(true))} />
          {open && (
            <div
              role="dialog"
              aria-label={t('datePicker.open', { label })}
              className={classes.dropdown}
              onBlur={(e) => {
                // Tab out of the calendar closes it.
                if (e.relatedTarget && !anchor.current?.contains(e.relatedTarget as Node)) close(false);
              }}
            >
              <Suspense fallback={null}>
                <DateCalendar
                  value={parseDateInput(text)}
                  today={todayInRiga()}
                  min={min}
                  max={max}
                  onPick={(d) => {
                    close(true);
                    setChecked(true);
                    setOwn(undefined);
                    setText(formatDate(d));
                    setKnown(d);
                    onChange(d);
                  }}
                  onCancel={() => close(true)}
                  language={i18n.language === 'en' ? 'en' : 'lv'}
                  labels={{
                    prevYear: t('datePicker.prevYear'),
                    prevMonth: t('datePicker.prevMonth'),
                    nextMonth: t('datePicker.nextMonth'),
                    nextYear: t('datePicker.nextYear'),
                  }}
                />
              </Suspense>
            </div>
          )}
        </div>
      }
    />
  );
}
