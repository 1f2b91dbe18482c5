// Formatting of dates and money for display, in one place so that every page agrees.
//
// Both work on the strings the API sends (Date: yyyy-mm-dd, Money: a decimal string) without
// going through Date or floating point: a date must not move by a day with the browser's time
// zone, and an amount must show exactly the cents the server summed. Intl.NumberFormat is not
// used for money either: for Latvian it leaves four-digit amounts ungrouped ("1234,56 €"), and
// its output differs between browser versions, which would make the exact format untestable.
import type { Language } from '../i18n';

const NBSP = '\u00a0';

/** "2025-06-30" → "30.06.2025" (the same in both languages: unambiguous and familiar). */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate; // show what came rather than hide it
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * The parts of a point in time on the wall clock of Latvia. Times are shown in Europe/Riga
 * whatever the browser's zone: the users work in Latvia, the server's day boundaries are those
 * of Riga, and a time must read the same for everyone who discusses it.
 */
const rigaClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Riga',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function rigaParts(time: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const date = new Date(time);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(time) || Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(rigaClock.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/**
 * A point in time (RFC 3339, as the API's Time) as "22.11.2026 16:03" on Latvia's clock: the
 * date as formatDate, the time on the 24-hour clock, as Latvian usage has it.
 */
export function formatDateTime(time: string): string {
  const p = rigaParts(time);
  if (!p) return time;
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** The calendar day of a point in time in Latvia, as "22.11.2026". */
export function formatDayOf(time: string): string {
  const p = rigaParts(time);
  if (!p) return time;
  return `${p.day}.${p.month}.${p.year}`;
}

const moneyPattern = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Formats an amount in EUR: "1234.56" → "1 234,56 €" in Latvian (no-break spaces, so that an
 * amount never wraps), "€1,234.56" in English. An amount that is not a decimal string with at
 * most two fractional digits is shown unchanged rather than rounded.
 */
export function formatMoney(amount: string, language: Language): string {
  const m = moneyPattern.exec(amount.trim());
  if (!m) return amount;
  const [, minus, whole, fraction = ''] = m;
  const euros = whole.replace(/^0+(?=\d)/, '');
  const cents = fraction.padEnd(2, '0');
  const sign = minus && /[1-9]/.test(euros + cents) ? '-' : ''; // no "-0,00 €"
  if (language === 'lv') {
    return `${sign}${groupThousands(euros, NBSP)},${cents}${NBSP}€`;
  }
  return `${sign}€${groupThousands(euros, ',')}.${cents}`;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

const percentPattern = /^(\d+)(?:\.(\d+))?$/;

/**
 * A share in percent as the API sends it ("85.00") without its needless zeros: "85 %" and
 * "86,5 %" in Latvian (a no-break space before the sign, as Latvian usage has it), "85%" and
 * "86.5%" in English. Anything else is shown unchanged.
 */
export function formatPercent(percent: string, language: Language): string {
  const m = percentPattern.exec(percent.trim());
  if (!m) return percent;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (language === 'lv') return `${whole}${fraction ? `,${fraction}` : ''}${NBSP}%`;
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/**
 * A whole number with its thousands grouped: "1 146" in Latvian (a no-break space, also for
 * four digits, as formatMoney groups euros), "1,146" in English.
 */
export function formatCount(n: number, language: Language): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + groupThousands(digits, language === 'lv' ? NBSP : ',');
}

/** A month as the API sends it ("2021-03") as "03.2021", like formatDate's dates. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}.${m[1]}` : month;
}

/** A quarter as the API sends it ("2021-Q1") as "2021. g. 1. cet." in Latvian, "Q1 2021" in English. */
export function formatQuarter(quarter: string, language: Language): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  return language === 'lv' ? `${m[1]}.${NBSP}g. ${m[2]}.${NBSP}cet.` : `Q${m[2]} ${m[1]}`;
}
