import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

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
