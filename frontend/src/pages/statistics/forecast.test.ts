import { describe, expect, it } from 'vitest';
import { exhaustionMonth, forecastLine, monthNumber, monthOf, niceCeiling, type ForecastInput } from './forecast';

const base: ForecastInput = {
  startMonth: '2021-01',
  lastMonth: '2021-12', // x = 12 at its end
  lastCumulative: 1_200_000, // 12 000,00 €
  monthlyPace: 100_000, // 1 000,00 € a month
  budget: 3_000_000, // 30 000,00 €
  endMonth: '2023-12', // x = 36 at its end
};

describe('months', () => {
  it('count across years and back', () => {
    expect(monthNumber('2021-12') - monthNumber('2021-01')).toBe(11);
    expect(monthNumber('2022-01') - monthNumber('2021-12')).toBe(1);
    expect(monthOf(monthNumber('2027-03'))).toBe('2027-03');
    expect(monthOf(monthNumber('2020-12') + 1)).toBe('2021-01');
  });
});

describe('the forecast line', () => {
  it('reaches the budget where the pace exhausts it', () => {
    // 18 000 € left at 1 000 € a month: 18 months after the end of 2021, the end of June 2023.
    expect(forecastLine(base)).toEqual([
      { x: 12, cents: 1_200_000 },
      { x: 30, cents: 3_000_000 },
    ]);
    expect(exhaustionMonth(base)).toBe('2023-06');
  });

  it('runs out within a month: the month it runs out in, at a fraction of the axis', () => {
    const input = { ...base, monthlyPace: 400_000 }; // 18 000 € at 4 000 € a month: 4.5 months
    expect(forecastLine(input)[1]).toEqual({ x: 16.5, cents: 3_000_000 });
    expect(exhaustionMonth(input)).toBe('2022-05');
  });

  it('ends at the project’s end with the money left when the pace is slow', () => {
    const input = { ...base, monthlyPace: 50_000 }; // 24 months × 500 € = 12 000 €: 6 000 € unspent
    expect(forecastLine(input)).toEqual([
      { x: 12, cents: 1_200_000 },
      { x: 36, cents: 2_400_000 },
    ]);
    expect(exhaustionMonth(input)).toBeNull();
    // Exactly the budget at the end is exhaustion in the last month.
    expect(exhaustionMonth({ ...base, monthlyPace: 75_000 })).toBe('2023-12');
  });

  it('draws nothing without a pace, after the end, or with the budget spent', () => {
    expect(forecastLine({ ...base, monthlyPace: 0 })).toEqual([]);
    expect(forecastLine({ ...base, lastMonth: '2023-12' })).toEqual([]);
    expect(forecastLine({ ...base, lastCumulative: 3_000_000 })).toEqual([]);
    expect(exhaustionMonth({ ...base, monthlyPace: 0 })).toBeNull();
  });

  it('runs to the end for a partner, who has no budget of their own', () => {
    const input = { ...base, budget: null };
    expect(forecastLine(input)).toEqual([
      { x: 12, cents: 1_200_000 },
      { x: 36, cents: 1_200_000 + 24 * 100_000 },
    ]);
    expect(exhaustionMonth(input)).toBeNull();
  });
});

describe('the axis', () => {
  it('tops at a round figure', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(477)).toBe(500);
    expect(niceCeiling(1146)).toBe(2000);
    expect(niceCeiling(2400)).toBe(2500);
    expect(niceCeiling(3_000_000)).toBe(5_000_000);
    expect(niceCeiling(1000)).toBe(1000);
  });
});
