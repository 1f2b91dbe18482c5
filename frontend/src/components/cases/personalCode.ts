// A check of a Latvian personal code before it is sent, so that the form can say precisely
// what is wrong, in the user's language. The server checks the same rules
// (domain/personalcode.go) and stays the authority; this only words its answer earlier.

export type PersonalCodeProblem = 'format' | 'century' | 'date' | 'tooLate' | 'checkDigit';

const weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The 11 digits of a code written as 11 digits or DDMMYY-NNNNN, or null. */
function digitsOf(code: string): string | null {
  let s = code.trim();
  if (s.length === 12 && s[6] === '-') s = s.slice(0, 6) + s.slice(7);
  return /^\d{11}$/.test(s) ? s : null;
}

/** A code of the 2017 format: it starts with 32-39 and carries no birth date. */
function isNewFormat(digits: string): boolean {
  return digits[0] === '3' && digits[1] >= '2' && digits[1] <= '9';
}

/** The birth date (yyyy-mm-dd) an old-format code carries, or null. */
export function birthDateOfPersonalCode(code: string): string | null {
  const d = digitsOf(code);
  if (!d || isNewFormat(d) || d[6] > '2') return null;
  const day = Number(d.slice(0, 2));
  const month = Number(d.slice(2, 4));
  const year = 1800 + 100 * Number(d[6]) + Number(d.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
}

/** What is wrong with a personal code, or null when it may be right. */
export function personalCodeProblem(code: string): PersonalCodeProblem | null {
  const d = digitsOf(code);
  if (!d) return 'format';
  if (isNewFormat(d)) return null;
  if (d[6] > '2') return 'century';
  const birth = birthDateOfPersonalCode(code);
  if (!birth) return 'date';
  // Old-format codes were issued until 30 June 2017.
  if (birth > '2017-06-30') return 'tooLate';
  const sum = weights.reduce((acc, w, i) => acc + w * Number(d[i]), 0);
  if (Number(d[10]) !== ((1101 - sum) % 11) % 10) return 'checkDigit';
  return null;
}
