import { describe, expect, it } from 'vitest';
import { birthDateOfPersonalCode, personalCodeProblem } from './personalCode';

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
