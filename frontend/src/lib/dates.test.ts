import { describe, expect, it } from 'vitest';
import { parseDateInput } from './dates';

describe('parseDateInput', () => {
  it('reads dd.mm.yyyy as Latvian usage writes it, and yyyy-mm-dd', () => {
    expect(parseDateInput('15.03.2021')).toBe('2021-03-15');
    expect(parseDateInput(' 5.3.2021 ')).toBe('2021-03-05');
    expect(parseDateInput('15.03.2021.')).toBe('2021-03-15');
    expect(parseDateInput('2021-03-15')).toBe('2021-03-15');
    expect(parseDateInput('29.02.2024')).toBe('2024-02-29');
  });

  it('refuses what is no day of the calendar', () => {
    for (const s of ['', '31.02.2021', '29.02.2023', '15.13.2021', '00.01.2021', '15/03/2021', '15.03.21', '2021-3-15', 'vakar']) {
      expect(parseDateInput(s), s).toBeNull();
    }
  });
});
