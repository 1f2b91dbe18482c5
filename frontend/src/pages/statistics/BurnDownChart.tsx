// A project's money over time: the delivered cost summed month by month (a solid line) against
// the budget (a horizontal line), and the forecast at the monthly pace (a dashed line from the
// last month to where the money runs out or the project ends). SVG by hand, as BarChart; the
// figures are in words next to it (the forecast's text, the funds' list).
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatCount, formatMoney, formatMonth } from '../../lib/format';
import { toCents } from '../../lib/money';
import { forecastLine, monthNumber, niceCeiling } from './forecast';
import type { FundsData } from './statisticsQueries';
import classes from './statistics.module.css';

const spentColour = 'var(--mantine-color-blue-8)';
const budgetColour = 'var(--mantine-color-red-8)';
const forecastColour = 'var(--mantine-color-orange-9)';
const gridColour = 'var(--mantine-color-gray-4)';
const textColour = 'var(--mantine-color-text)';

export function BurnDownChart({ funds, startDate, endDate, label }: { funds: FundsData; startDate: string; endDate: string; label: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const startMonth = startDate.slice(0, 7);
  const endMonth = endDate.slice(0, 7);
  const months = monthNumber(endMonth) - monthNumber(startMonth) + 1;
  const budget = funds.budget ? toCents(funds.budget) : null;
  const last = funds.byMonth.at(-1);
  const points = funds.byMonth.map((m) => ({ x: monthNumber(m.month) - monthNumber(startMonth) + 1, cents: toCents(m.cumulative) }));
  const forecast = last
    ? forecastLine({ startMonth, lastMonth: last.month, lastCumulative: toCents(last.cumulative), monthlyPace: toCents(funds.monthlyPace), budget, endMonth })
    : [];
  const top = niceCeiling(Math.max(budget ?? 0, ...points.map((p) => p.cents), ...forecast.map((p) => p.cents)));

  const width = 640;
  const height = 260;
  const left = 96;
  const right = 16;
  const upper = 16;
  const lower = 32;
  const px = (x: number) => left + (x / Math.max(months, 1)) * (width - left - right);
  const py = (cents: number) => upper + (1 - cents / top) * (height - upper - lower);
  const euros = (cents: number) => (language === 'lv' ? `${formatCount(cents / 100, language)}\u00a0€` : `€${formatCount(cents / 100, language)}`);

  const spentPath = ['M', px(0), py(0), ...points.flatMap((p) => ['L', px(p.x), py(p.cents)])].join(' ');
  // A tick at each January labelled with the year, and at the start when the first January is
  // far enough away for both labels to fit.
  const years: { x: number; year: string }[] = [];
  const firstJanuary = (12 - (monthNumber(startMonth) % 12)) % 12;
  for (let i = 0; i < months; i++) {
    const n = monthNumber(startMonth) + i;
    if (n % 12 === 0 || (i === 0 && firstJanuary >= 4)) years.push({ x: i, year: String(Math.floor(n / 12)) });
  }

  const spent = last && toCents(last.cumulative) > 0 ? { month: formatMonth(last.month), spent: formatMoney(last.cumulative, language), forecast: label } : null;
  const summary = !spent
    ? t('statistics.burnDownLabelNoData')
    : funds.budget
      ? t('statistics.burnDownLabel', { ...spent, budget: formatMoney(funds.budget, language) })
      : t('statistics.burnDownLabelNoBudget', spent);

  return (
    <figure className={classes.chart}>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} fontSize={11}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={left} x2={width - right} y1={py(top * f)} y2={py(top * f)} stroke={gridColour} />
            <text x={left - 6} y={py(top * f) + 4} textAnchor="end" fill={textColour}>
              {euros(top * f)}
            </text>
          </g>
        ))}
        {years.map((y) => (
          <g key={y.x}>
            <line x1={px(y.x)} x2={px(y.x)} y1={height - lower} y2={height - lower + 5} stroke={textColour} />
            <text x={px(y.x) + 3} y={height - lower + 18} fill={textColour}>
              {y.year}
            </text>
          </g>
        ))}
        {budget !== null && <line x1={left} x2={width - right} y1={py(budget)} y2={py(budget)} stroke={budgetColour} strokeWidth={2} />}
        <path d={spentPath} fill="none" stroke={spentColour} strokeWidth={2.5} />
        {forecast.length === 2 && (
          <line
            x1={px(forecast[0].x)}
            y1={py(forecast[0].cents)}
            x2={px(forecast[1].x)}
            y2={py(forecast[1].cents)}
            stroke={forecastColour}
            strokeWidth={2.5}
            strokeDasharray="6 4"
          />
        )}
      </svg>
      <figcaption>
        <ul className={classes.legend}>
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={spentColour} strokeWidth={2.5} />
            </svg>
            {t('statistics.legendSpent')}
          </li>
          {budget !== null && (
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={budgetColour} strokeWidth={2} />
              </svg>
              {t('statistics.legendBudget')}
            </li>
          )}
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={forecastColour} strokeWidth={2.5} strokeDasharray="6 4" />
            </svg>
            {t('statistics.legendForecast')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
