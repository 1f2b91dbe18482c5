// The burn-down's arithmetic: months as positions on the chart's axis, and the forecast line
// that continues the delivered cost from the last month at the monthly pace until the money
// runs out or the project ends. Amounts are whole cents (src/lib/money.ts), never floats of
// euros, so that the chart's figures are those the server summed.

/** "2021-03" → a month count (year × 12 + month − 1), so that months subtract. */
export function monthNumber(month: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return Number.NaN;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** A month count back to "2021-03". */
export function monthOf(n: number): string {
  const year = Math.floor(n / 12);
  const month = n - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A point of the chart: x in months since the first month of the axis (fractions within a month), y in cents. */
export interface Point {
  x: number;
  cents: number;
}

export interface ForecastInput {
  /** The first month of the axis ("2021-01"): the project's start. */
  startMonth: string;
  /** The last month with a delivered figure (the month of the day of measurement), and its cumulative amount in cents. */
  lastMonth: string;
  lastCumulative: number;
  /** The delivered cost a month, in cents, over the six whole months before the day of measurement. */
  monthlyPace: number;
  /** The project's budget in cents; null for a partner (no budget of their own). */
  budget: number | null;
  /** The last month of the project ("2023-12"). */
  endMonth: string;
}

/**
 * The forecast line, as the server forecasts (FundsProgress.exhaustedIn, unspentAtEnd): what
 * has been delivered by the day of measurement, plus a whole month's pace for each month from
 * that day's month (only partly past) through the project's last. So the line starts at the
 * beginning of the last month at the delivered total and rises by the pace a month, to the point
 * where it reaches the budget (the money runs out within that month) or to the end of the
 * project's last month, whichever comes first. A whole x is the end of the x-th month of the axis.
 *
 * Returns the line's two ends (it is straight), or an empty list when there is nothing to
 * forecast: no pace, the project already over, or the budget already spent.
 */
export function forecastLine(input: ForecastInput): Point[] {
  const start = monthNumber(input.startMonth);
  const x0 = monthNumber(input.lastMonth) - start;
  const xEnd = monthNumber(input.endMonth) - start + 1;
  const y0 = input.lastCumulative;
  if (!(input.monthlyPace > 0) || !(xEnd > x0) || Number.isNaN(x0 + xEnd)) return [];
  if (input.budget !== null && y0 >= input.budget) return [];
  const atEnd = y0 + input.monthlyPace * (xEnd - x0);
  if (input.budget === null || atEnd <= input.budget) {
    return [
      { x: x0, cents: y0 },
      { x: xEnd, cents: atEnd },
    ];
  }
  // The budget is reached after (budget − y0) / pace months.
  return [
    { x: x0, cents: y0 },
    { x: x0 + (input.budget - y0) / input.monthlyPace, cents: input.budget },
  ];
}

/**
 * The month in which the forecast reaches the budget ("2027-03"), or null when it does not by
 * the project's end (or it was reached already). The server answers this as exhaustedIn; the
 * page shows the server's figure, and this is what its line must agree with.
 */
export function exhaustionMonth(input: ForecastInput): string | null {
  const line = forecastLine(input);
  if (line.length < 2 || input.budget === null || line[1].cents < input.budget) return null;
  // x = 3 is the end of the axis's third month: the money runs out in it.
  return monthOf(monthNumber(input.startMonth) + Math.ceil(line[1].x) - 1);
}

/** A "nice" top of an axis for a maximum: 1, 2 or 5 times a power of ten, at least the maximum. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}
