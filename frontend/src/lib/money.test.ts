import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoneyInput, percentOf, toCents } from './money';

describe('parseMoneyInput', () => {
  it.each([
    ['1234', '1234.00'],
    ['1 234,5', '1234.50'],
    ['1\u00a0234,56\u00a0€', '1234.56'],
    ['0012.3', '12.30'],
    ['0', '0.00'],
  ])('reads %j as %j', (text, amount) => expect(parseMoneyInput(text)).toBe(amount));

  it.each(['', '-5', '12,345', '1.2.3', 'abc', '1e3'])('refuses %j', (text) => expect(parseMoneyInput(text)).toBeNull());
});

describe('budget figures', () => {
  it('works in whole cents and rounds the share down', () => {
    expect(toCents('1025.00')).toBe(102500);
    expect(toCents('0.5')).toBe(50);
    expect(percentOf('1025.00', '1500.00')).toBe(68); // 68.33 %
    expect(percentOf('999.99', '1000.00')).toBe(99); // never "100 %" before it is all planned
    expect(percentOf('1000.00', '1000.00')).toBe(100);
    expect(percentOf('10.00', '0.00')).toBe(0);
  });

  it('writes an amount for an input in the notation of the language', () => {
    expect(moneyInputValue('1500.00', 'lv')).toBe('1500,00');
    expect(moneyInputValue('1500.00', 'en')).toBe('1500.00');
  });
});
