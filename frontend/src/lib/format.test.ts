import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatDayOf, formatMoney, formatMonth, formatPercent, formatQuarter } from './format';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it.each([
    ['2025-06-30', '30.06.2025'],
    ['2021-07-01', '01.07.2021'],
    ['1999-12-31', '31.12.1999'],
  ])('%s → %s', (input, want) => {
    expect(formatDate(input)).toBe(want);
  });

  it('shows a value that is not a date as it is', () => {
    expect(formatDate('30.06.2025')).toBe('30.06.2025');
    expect(formatDate('')).toBe('');
  });
});

describe('formatMoney in Latvian', () => {
  it.each([
    ['35791.00', `35${NBSP}791,00${NBSP}€`],
    ['1234.56', `1${NBSP}234,56${NBSP}€`],
    ['1234567.89', `1${NBSP}234${NBSP}567,89${NBSP}€`],
    ['999.99', `999,99${NBSP}€`],
    ['30.00', `30,00${NBSP}€`],
    ['3.79', `3,79${NBSP}€`],
    ['0.00', `0,00${NBSP}€`],
    ['0', `0,00${NBSP}€`],
    ['-0.00', `0,00${NBSP}€`],
    ['-1234.56', `-1${NBSP}234,56${NBSP}€`],
    ['-0.05', `-0,05${NBSP}€`],
    ['12.5', `12,50${NBSP}€`],
    ['007.10', `7,10${NBSP}€`],
  ])('%s → %j', (input, want) => {
    expect(formatMoney(input, 'lv')).toBe(want);
  });
});

describe('formatMoney in English', () => {
  it.each([
    ['35791.00', '€35,791.00'],
    ['1234.56', '€1,234.56'],
    ['1234567.89', '€1,234,567.89'],
    ['999.99', '€999.99'],
    ['0.00', '€0.00'],
    ['-1234.56', '-€1,234.56'],
  ])('%s → %j', (input, want) => {
    expect(formatMoney(input, 'en')).toBe(want);
  });
});

describe('formatMoney with a value that is not a two-decimal amount', () => {
  it.each(['abc', '', '1.234', '1,5', '1e3'])('%j is shown unchanged, never rounded', (input) => {
    expect(formatMoney(input, 'lv')).toBe(input);
  });
});

describe('formatDateTime', () => {
  it.each([
    // Winter: UTC+2; summer: UTC+3 (EEST).
    ['2026-11-22T14:03:56Z', '22.11.2026 16:03'],
    ['2026-07-01T09:30:00Z', '01.07.2026 12:30'],
    // Late evening UTC is already the next day in Riga.
    ['2025-12-31T22:15:00Z', '01.01.2026 00:15'],
    ['2026-03-05T08:07:00+02:00', '05.03.2026 08:07'],
    ['2026-05-10T10:00:00.123456Z', '10.05.2026 13:00'],
  ])('%s → %s on the clock of Latvia', (input, want) => {
    expect(formatDateTime(input)).toBe(want);
  });

  it('shows a value that is not a time as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatDateTime('2026-13-45T00:00:00Z')).toBe('2026-13-45T00:00:00Z');
  });
});

describe('formatDayOf', () => {
  it('gives the day in Latvia', () => {
    expect(formatDayOf('2025-12-31T22:15:00Z')).toBe('01.01.2026');
    expect(formatDayOf('2026-06-30T20:59:59Z')).toBe('30.06.2026');
    expect(formatDayOf('x')).toBe('x');
  });
});

describe('formatPercent', () => {
  it('drops needless zeros and puts a no-break space before % in Latvian', () => {
    expect(formatPercent('85.00', 'lv')).toBe('85\u00a0%');
    expect(formatPercent('86.50', 'lv')).toBe('86,5\u00a0%');
    expect(formatPercent('100', 'lv')).toBe('100\u00a0%');
    expect(formatPercent('0.25', 'lv')).toBe('0,25\u00a0%');
  });
  it('writes 85% and 86.5% in English', () => {
    expect(formatPercent('85.00', 'en')).toBe('85%');
    expect(formatPercent('86.50', 'en')).toBe('86.5%');
  });
  it('shows what is not a percentage unchanged', () => {
    expect(formatPercent('abc', 'lv')).toBe('abc');
  });
});

describe('formatCount, formatMonth, formatQuarter', () => {
  it('group thousands as money does', () => {
    expect(formatCount(1146, 'lv')).toBe(`1${NBSP}146`);
    expect(formatCount(9988, 'en')).toBe('9,988');
    expect(formatCount(32, 'lv')).toBe('32');
    expect(formatCount(1234567, 'lv')).toBe(`1${NBSP}234${NBSP}567`);
  });

  it('write months and quarters as the pages do', () => {
    expect(formatMonth('2027-03')).toBe('03.2027');
    expect(formatMonth('soon')).toBe('soon');
    expect(formatQuarter('2021-Q1', 'lv')).toBe(`2021.${NBSP}g. 1.${NBSP}cet.`);
    expect(formatQuarter('2021-Q4', 'en')).toBe('Q4 2021');
  });
});
