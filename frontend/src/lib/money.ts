// Money as people type it, and money figures the UI computes itself (the budget bar). Amounts
// stay decimal strings or whole cents: never floating point, so that a figure is exactly what
// the server summed.

/**
 * Reads an amount as typed: "1 234,56", "1234.5", "1234" → "1234.56", "1234.50", "1234.00";
 * null when it is not a non-negative amount with at most two decimals. Spaces (also no-break
 * ones, as formatMoney writes them) and a trailing € are ignored, so that a formatted amount
 * pasted back is read too.
 */
export function parseMoneyInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const euros = m[1].replace(/^0+(?=\d)/, '');
  return `${euros}.${(m[2] ?? '').padEnd(2, '0')}`;
}

/** An amount as the server sends it ("1234.56") as a whole number of cents; NaN if malformed. */
export function toCents(amount: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return Number.NaN;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** The share of `part` in `whole` in whole percent (rounded down, so 99.9 % never shows as 100 %). */
export function percentOf(part: string, whole: string): number {
  const p = toCents(part);
  const w = toCents(whole);
  if (!(w > 0) || Number.isNaN(p)) return 0;
  return Math.floor((p * 100) / w);
}

/** The value to put in an amount input for an amount from the server, in the user's notation. */
export function moneyInputValue(amount: string, language: string): string {
  return language === 'lv' ? amount.replace('.', ',') : amount;
}
