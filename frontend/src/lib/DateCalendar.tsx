// A month grid to pick a day from, as the date picker dialog of the WAI-ARIA Authoring
// Practices has it: one day takes focus (a roving tabindex); arrows move by a day or a week,
// Home and End to the week's first and last day, Page Up and Page Down by a month (with Shift
// by a year), Enter or Space picks the day, Escape leaves without picking. Month and year are
// named in the UI language; weeks start on Monday, as in Latvia. Days before `min` or after
// `max` can be reached but not picked.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate } from './format';
import classes from './DateCalendar.module.css';

/** yyyy-mm-dd of a UTC date. */
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function fromIso(s: string): Date {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `date` moved by some days. */
export function addDays(date: string, days: number): string {
  const d = fromIso(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `date` moved by some months, on the same day or the month's last one (31.01. + 1 → 28.02.). */
export function addMonths(date: string, months: number): string {
  const d = fromIso(date);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return iso(first);
}

/** Monday 0 … Sunday 6. */
function weekday(date: string): number {
  return (fromIso(date).getUTCDay() + 6) % 7;
}

/** The days shown for the month of `date`: whole weeks, Monday first, as rows. */
function monthWeeks(date: string): string[][] {
  const first = `${date.slice(0, 7)}-01`;
  let day = addDays(first, -weekday(first));
  const weeks: string[][] = [];
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.slice(0, 7) === date.slice(0, 7));
  return weeks;
}

export function DateCalendar({
  value,
  today,
  min,
  max,
  onPick,
  onCancel,
  language,
  labels,
}: {
  /** The UI language: month and day names are in it. */
  language: 'lv' | 'en';
  /** The navigation buttons' names, translated by the caller (this chunk carries no i18n). */
  labels: { prevYear: string; prevMonth: string; nextMonth: string; nextYear: string };
  /** The chosen day (yyyy-mm-dd), if any. */
  value: string | null;
  /** Today (yyyy-mm-dd): focus starts there when no day is chosen. */
  today: string;
  min?: string;
  max?: string;
  onPick: (date: string) => void;
  onCancel: () => void;
}) {
  const start = value ?? (max && today > max ? max : min && today < min ? min : today);
  const [active, setActive] = useState(start);
  const grid = useRef<HTMLTableElement>(null);
  // Focus follows the active day once the user moves it (or when the calendar opens).
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [moved]);

  const headingId = useRef(`calendar-${Math.random().toString(36).slice(2)}`).current;
  const monthName = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(fromIso(active));
  const dayName = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdays = monthWeeks(active)[0].map((d) => ({
    narrow: new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' }).format(fromIso(d)),
    long: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(fromIso(d)),
  }));
  const outside = (d: string) => (min !== undefined && d < min) || (max !== undefined && d > max);

  const move = (to: string, focus = true) => {
    setActive(to);
    if (focus) setMoved((n) => n + 1);
  };
  const pick = (d: string) => {
    if (!outside(d)) onPick(d);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(active, -1),
      ArrowRight: () => addDays(active, 1),
      ArrowUp: () => addDays(active, -7),
      ArrowDown: () => addDays(active, 7),
      Home: () => addDays(active, -weekday(active)),
      End: () => addDays(active, 6 - weekday(active)),
      PageUp: () => addMonths(active, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(active, e.shiftKey ? 12 : 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      move(moves[e.key]());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(active);
    }
  };

  return (
    <div
      className={classes.calendar}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className={classes.header}>
        <button type="button" className={classes.nav} aria-label={labels.prevYear} onClick={() => move(addMonths(active, -12), false)}>
          «
        </button>
        <button type="button" className={classes.nav} aria-label={labels.prevMonth} onClick={() => move(addMonths(active, -1), false)}>
          ‹
        </button>
        <h2 id={headingId} className={classes.title} aria-live="polite">
          {monthName}
        </h2>
        <button type="button" className={classes.nav} aria-label={labels.nextMonth} onClick={() => move(addMonths(active, 1), false)}>
          ›
        </button>
        <button type="button" className={classes.nav} aria-label={labels.nextYear} onClick={() => move(addMonths(active, 12), false)}>
          »
        </button>
      </div>
      <table role="grid" aria-labelledby={headingId} ref={grid} className={classes.grid} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" abbr={w.long}>
                <span aria-hidden="true">{w.narrow}</span>
                <span className="visually-hidden">{w.long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(active).map((week) => (
            <tr key={week[0]}>
              {week.map((d) => (
                <td key={d} aria-selected={d === value}>
                  <button
                    type="button"
                    tabIndex={d === active ? 0 : -1}
                    // Where the popover's focus trap puts focus when the calendar opens.
                    data-autofocus={d === active || undefined}
                    className={classes.day}
                    data-other-month={d.slice(0, 7) !== active.slice(0, 7) || undefined}
                    data-selected={d === value || undefined}
                    data-today={d === today || undefined}
                    aria-current={d === today ? 'date' : undefined}
                    aria-disabled={outside(d) || undefined}
                    aria-label={dayName.format(fromIso(d))}
                    title={formatDate(d)}
                    onClick={() => {
                      setActive(d);
                      pick(d);
                    }}
                  >
                    {Number(d.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
