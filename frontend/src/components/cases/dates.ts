// Times as the case pages show them: the date as formatDate writes it, with the time of day in
// Riga, where the users are, whatever the browser's own time zone.
import { formatDate } from '../../format';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Riga',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-01T10:05:00Z" → "01.03.2026 12:05". */
export function formatDateTime(time: string): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

/** A date or a dash for a missing one. */
export function formatOptionalDate(date: string | null | undefined): string {
  return date ? formatDate(date) : '—';
}

/** "01.01.2026 – 31.12.2026", or an open end. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '—';
  return `${formatOptionalDate(from)} – ${to ? formatDate(to) : '…'}`;
}
