import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoneyInput, percentOf, toCents } from './money';
import { birthDateOfPersonalCode, personalCodeProblem } from './personalCode';

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

describe('personalCodeProblem', () => {
  it.each([
    ['010115-22344', null],
    ['01011522344', null],
    ['329999-90001', null], // the 2017 format has no date and no check digit
    ['010115-2234', 'format'],
    ['010115_22344', 'format'],
    ['010115-32344', 'century'],
    ['310215-22344', 'date'],
    ['010118-22344', 'tooLate'],
    ['010115-22345', 'checkDigit'],
  ])('%s: %s', (code, problem) => expect(personalCodeProblem(code)).toBe(problem));

  it('reads the birth date of an old-format code', () => {
    expect(birthDateOfPersonalCode('020714-20002')).toBe('2014-07-02');
    expect(birthDateOfPersonalCode('020714-10002')).toBe('1914-07-02');
    expect(birthDateOfPersonalCode('329999-90001')).toBeNull();
  });
});
