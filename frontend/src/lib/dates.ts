// Dates as the forms read them and the case pages show them: dd.mm.yyyy, the way dates are
// written in Latvia, on the calendar of Riga.
import { formatDate } from './format';

/** A date or a dash for a missing one. */
export function formatOptionalDate(date: string | null | undefined): string {
  return date ? formatDate(date) : '—';
}

/** "01.01.2026 – 31.12.2026", or an open end. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '—';
  return `${formatOptionalDate(from)} – ${to ? formatDate(to) : '…'}`;
}

/**
 * Reads a date as people type it: "15.03.2021" (also "15.3.2021" and "15.03.2021.", as Latvian
 * usage writes it) or "2021-03-15" → "2021-03-15"; null when it is not a day of the calendar
 * ("31.02.2021").
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!dotted && !iso) return null;
  const [year, month, day] = dotted ? [dotted[3], dotted[2], dotted[1]].map(Number) : [iso![1], iso![2], iso![3]].map(Number);
  // Date.UTC rolls 31.02. over into March: a day that does not come back unchanged is no day.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in Riga as yyyy-mm-dd: the default of "received on" and "completed on" dates. */
export function todayInRiga(): string {
  // sv-SE writes dates as yyyy-mm-dd.
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
}

/** The day (yyyy-mm-dd) of a point in time (RFC 3339) in Riga. */
export function dayInRiga(time: string): string {
  return new Date(time).toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
}
