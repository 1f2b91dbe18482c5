// What the statistics table and charts show in a cell: a grouping's value by its name in the
// page's language, a measure in the page's number format, a suppressed figure as "—" with its
// reason for screen readers.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { FundingSourceCode, StatisticsDimension } from '../../gql/graphql';
import type { Language } from '../../i18n';
import { formatCount, formatMoney, formatMonth, formatQuarter } from '../../lib/format';
import { toCents } from '../../lib/money';
import type { MeasuresData, StatisticsRowData } from './statisticsQueries';

/** The measures the table shows, in its order; cost is money, the others counts. */
export const measureKeys = ['children', 'families', 'parents', 'childrenWithPlans', 'sessions', 'hours', 'days', 'deliveries', 'cost'] as const;
export type MeasureKey = (typeof measureKeys)[number];

/** A grouping's value in a row: its text, whether that is a Latvian name, and what it sorts by. */
export interface DimensionValue {
  text: string;
  /** Set when the text is a Latvian name on an English page (WCAG 3.1.2). */
  lang?: 'lv';
  sort: string;
}

export function dimensionValue(row: StatisticsRowData, dimension: StatisticsDimension, t: TFunction, language: Language): DimensionValue {
  const lv = language === 'lv' ? undefined : ('lv' as const);
  const none = { text: t('statistics.noValue'), sort: '\uffff' };
  switch (dimension) {
    case 'REGION':
      return row.region ? { text: language === 'en' ? row.region.nameEn : row.region.name, sort: row.region.name } : none;
    case 'MUNICIPALITY':
      return row.municipality ? { text: row.municipality.name, lang: lv, sort: row.municipality.name } : none;
    case 'PROJECT':
      return row.project ? { text: `${row.project.name} (${row.project.code})`, lang: lv, sort: row.project.name } : none;
    case 'SERVICE_TYPE':
      return row.serviceType
        ? { text: language === 'en' ? row.serviceType.nameEn : row.serviceType.name, sort: language === 'en' ? row.serviceType.nameEn : row.serviceType.name }
        : none;
    case 'SERVICE_CATEGORY':
      return row.serviceCategory ? enumValue(t(`serviceCategory.${row.serviceCategory}`)) : none;
    case 'RECIPIENT':
      return row.recipient ? enumValue(t(`recipient.${row.recipient}`)) : none;
    case 'FUNDING_SOURCE':
      return row.fundingSource ? enumValue(t(`fundingSource.${row.fundingSource}`)) : none;
    case 'YEAR':
      return row.period ? { text: row.period, sort: row.period } : none;
    case 'QUARTER':
      return row.period ? { text: formatQuarter(row.period, language), sort: row.period } : none;
    case 'MONTH':
      return row.period ? { text: formatMonth(row.period), sort: row.period } : none;
    case 'AGE_BAND':
      // "5-6" sorts after "13-17" as text: by the band's first year instead.
      return row.ageBand ? { text: t('statistics.ageBand', { band: row.ageBand.replace('-', '–') }), sort: row.ageBand.replace(/^(\d+).*$/, (_, n: string) => n.padStart(3, '0')) } : none;
    case 'SEX':
      return row.sex ? enumValue(t(`sex.${row.sex}`)) : none;
    case 'IMPAIRMENT':
      return row.impairment ? enumValue(t(`impairment.${row.impairment}`)) : { text: t('statistics.noImpairment'), sort: '\uffff' };
    case 'LIVING_ARRANGEMENT':
      return row.livingArrangement ? enumValue(t(`livingArrangement.${row.livingArrangement}`)) : none;
  }
}

/** An enum's label as a cell's text: the labels are lower-case phrases (for use in sentences). */
function enumValue(label: string): DimensionValue {
  const text = label.charAt(0).toLocaleUpperCase() + label.slice(1);
  return { text, sort: text };
}

/** A measure as a number, for sorting and charts (cost in euros; null where it is withheld). */
export function measureNumber(measures: MeasuresData, key: MeasureKey | FundingSourceCode): number | null {
  if (key === 'ESF' || key === 'STATE_BUDGET' || key === 'MUNICIPAL_BUDGET') {
    const share = measures.fundingShares?.find((f) => f.code === key);
    return share ? toCents(share.amount) / 100 : null;
  }
  const value = measures[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? toCents(value) / 100 : value;
}

/** A measure as the page shows it. */
export function measureText(measures: MeasuresData, key: MeasureKey | FundingSourceCode, language: Language): string | null {
  if (key === 'ESF' || key === 'STATE_BUDGET' || key === 'MUNICIPAL_BUDGET') {
    const share = measures.fundingShares?.find((f) => f.code === key);
    return share ? formatMoney(share.amount, language) : null;
  }
  const value = measures[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? formatMoney(value, language) : formatCount(value, language);
}

/**
 * A missing figure: "—" on screen, and in words for a screen reader why it is missing: withheld
 * because too few people are in the cell (k, the threshold), or simply no data.
 */
export function MissingFigure({ suppressed, minCount, t }: { suppressed: boolean; minCount: number | null | undefined; t: TFunction }): ReactNode {
  const reason = suppressed ? (minCount ? t('statistics.suppressedCell', { k: minCount }) : t('statistics.suppressedCellNoK')) : t('statistics.noData');
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{reason}</span>
    </>
  );
}
