import { describe, expect, it } from 'vitest';
import { exhaustionMonth, forecastLine, monthNumber, monthOf, niceCeiling, type ForecastInput } from './forecast';

const base: ForecastInput = {
  startMonth: '2021-01',
  lastMonth: '2021-12', // the axis's twelfth month: x from 11 to 12
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
  // The day of measurement lies in December 2021: 12 000 € delivered by then, the axis's twelfth
  // month (x from 11 to 12). The forecast adds a whole month's pace for December too, as the
  // server's exhaustedIn and unspentAtEnd do.
  it('reaches the budget where the pace exhausts it', () => {
    // 18 000 € left at 1 000 € a month: 18 months from the start of December 2021, so in May 2023.
    expect(forecastLine(base)).toEqual([
      { x: 11, cents: 1_200_000 },
      { x: 29, cents: 3_000_000 },
    ]);
    expect(exhaustionMonth(base)).toBe('2023-05');
  });

  it('runs out within a month: the month it runs out in, at a fraction of the axis', () => {
    const input = { ...base, monthlyPace: 400_000 }; // 18 000 € at 4 000 € a month: 4.5 months
    expect(forecastLine(input)[1]).toEqual({ x: 15.5, cents: 3_000_000 });
    expect(exhaustionMonth(input)).toBe('2022-04');
  });

  it('ends at the project’s end with the money left when the pace is slow', () => {
    // December 2021 to December 2023 is 25 months × 500 € = 12 500 €: 5 500 € unspent.
    const input = { ...base, monthlyPace: 50_000 };
    expect(forecastLine(input)).toEqual([
      { x: 11, cents: 1_200_000 },
      { x: 36, cents: 2_450_000 },
    ]);
    expect(exhaustionMonth(input)).toBeNull();
    // Exactly the budget at the end is exhaustion in the last month.
    expect(exhaustionMonth({ ...base, monthlyPace: 72_000 })).toBe('2023-12');
  });

  it('still adds the last month’s pace when the day of measurement is in it', () => {
    expect(forecastLine({ ...base, lastMonth: '2023-12' })).toEqual([
      { x: 35, cents: 1_200_000 },
      { x: 36, cents: 1_300_000 },
    ]);
  });

  it('draws nothing without a pace, after the end, or with the budget spent', () => {
    expect(forecastLine({ ...base, monthlyPace: 0 })).toEqual([]);
    expect(forecastLine({ ...base, lastMonth: '2024-01' })).toEqual([]);
    expect(forecastLine({ ...base, lastCumulative: 3_000_000 })).toEqual([]);
    expect(exhaustionMonth({ ...base, monthlyPace: 0 })).toBeNull();
  });

  it('runs to the end for a partner, who has no budget of their own', () => {
    const input = { ...base, budget: null };
    expect(forecastLine(input)).toEqual([
      { x: 11, cents: 1_200_000 },
      { x: 36, cents: 1_200_000 + 25 * 100_000 },
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
