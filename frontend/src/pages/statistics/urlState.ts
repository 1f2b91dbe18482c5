// The statistics page's view (its filter and grouping) as URL search parameters, so that a link
// or a reload restores the view and the browser's back and forward buttons move between views.
//
// The parameter names are those of the server's export endpoint (/exports/statistics.csv and
// .xlsx take the very same query string): from, to (yyyy-mm-dd), groupBy (repeated, enum
// names, in order), regionId, municipalityId, projectId, serviceTypeId (each repeated, global
// ids), serviceCategory (repeated) and recipient.
import type { Recipient, ServiceCategory, StatisticsDimension, StatisticsFilter } from '../../gql/graphql';
import { everyOf } from '../../lib/everyOf';
import { parseDateInput } from '../../lib/dates';

export const dimensions = everyOf<StatisticsDimension>()([
  'REGION',
  'MUNICIPALITY',
  'PROJECT',
  'SERVICE_TYPE',
  'SERVICE_CATEGORY',
  'RECIPIENT',
  'FUNDING_SOURCE',
  'YEAR',
  'QUARTER',
  'MONTH',
  'AGE_BAND',
  'SEX',
  'IMPAIRMENT',
  'LIVING_ARRANGEMENT',
]);

export const serviceCategories = everyOf<ServiceCategory>()(['SOCIAL_REHABILITATION', 'HOME_CARE', 'RESPITE_CARE', 'DAY_CARE', 'SOCIAL_CARE']);

export const recipients = everyOf<Recipient>()(['CHILD', 'PARENTS']);

/** At most this many grouping dimensions, in order. */
export const maxGroupBy = 3;

/** The grouping when the URL names none. */
export const defaultGroupBy: StatisticsDimension[] = ['YEAR'];

export interface StatisticsView {
  /** yyyy-mm-dd */
  from: string;
  /** yyyy-mm-dd */
  to: string;
  groupBy: StatisticsDimension[];
  regionIds: string[];
  municipalityIds: string[];
  projectIds: string[];
  serviceTypeIds: string[];
  serviceCategories: ServiceCategory[];
  recipient: Recipient | null;
}

/**
 * The view of an address without parameters: the last six calendar years up to today, by year
 * (a programme's trend; the current year alone is empty for months after a project ends).
 */
export function defaultView(today: string): StatisticsView {
  return {
    from: `${Number(today.slice(0, 4)) - 5}-01-01`,
    to: today,
    groupBy: defaultGroupBy,
    regionIds: [],
    municipalityIds: [],
    projectIds: [],
    serviceTypeIds: [],
    serviceCategories: [],
    recipient: null,
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd date of the calendar, or null. */
function validIsoDate(value: string | null): string | null {
  if (!value || !isoDate.test(value)) return null;
  return parseDateInput(value);
}

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

/** Each value once, in the order of first appearance, without empty ones. */
function distinct<T extends string>(values: T[]): T[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/**
 * Reads the view from the address's search parameters. What is missing takes its default; what
 * is malformed (a date that is no day, an unknown enum name) is left out as if missing, so that
 * an edited or old link still opens a page; a period that ends before it starts falls back to
 * the default period.
 */
export function parseView(params: URLSearchParams, today: string): StatisticsView {
  const defaults = defaultView(today);
  let from = validIsoDate(params.get('from')) ?? defaults.from;
  let to = validIsoDate(params.get('to')) ?? (params.has('from') ? today : defaults.to);
  if (from > to) {
    from = defaults.from;
    to = defaults.to;
  }
  const groupBy = params.has('groupBy')
    ? distinct(params.getAll('groupBy').filter(isOneOf(dimensions))).slice(0, maxGroupBy)
    : defaults.groupBy;
  const recipient = params.get('recipient');
  return {
    from,
    to,
    groupBy,
    regionIds: distinct(params.getAll('regionId')),
    municipalityIds: distinct(params.getAll('municipalityId')),
    projectIds: distinct(params.getAll('projectId')),
    serviceTypeIds: distinct(params.getAll('serviceTypeId')),
    serviceCategories: distinct(params.getAll('serviceCategory').filter(isOneOf(serviceCategories))),
    recipient: recipient && isOneOf(recipients)(recipient) ? recipient : null,
  };
}

/**
 * Writes the view as search parameters, every part explicitly (the period and the grouping
 * too, so that an export link says exactly what the page shows). An empty grouping is written
 * as one empty groupBy, which reads back as "no grouping" rather than as the default.
 */
export function serialiseView(view: StatisticsView): URLSearchParams {
  const params = new URLSearchParams();
  params.set('from', view.from);
  params.set('to', view.to);
  if (view.groupBy.length === 0) params.append('groupBy', '');
  for (const d of view.groupBy) params.append('groupBy', d);
  for (const id of view.regionIds) params.append('regionId', id);
  for (const id of view.municipalityIds) params.append('municipalityId', id);
  for (const id of view.projectIds) params.append('projectId', id);
  for (const id of view.serviceTypeIds) params.append('serviceTypeId', id);
  for (const c of view.serviceCategories) params.append('serviceCategory', c);
  if (view.recipient) params.set('recipient', view.recipient);
  return params;
}

/** The GraphQL filter of a view: the empty lists left out (no condition). */
export function filterOf(view: StatisticsView): StatisticsFilter {
  const filter: StatisticsFilter = { from: view.from, to: view.to };
  if (view.regionIds.length) filter.regionIds = view.regionIds;
  if (view.municipalityIds.length) filter.municipalityIds = view.municipalityIds;
  if (view.projectIds.length) filter.projectIds = view.projectIds;
  if (view.serviceTypeIds.length) filter.serviceTypeIds = view.serviceTypeIds;
  if (view.serviceCategories.length) filter.serviceCategories = view.serviceCategories;
  if (view.recipient) filter.recipient = view.recipient;
  return filter;
}

/** The export's address for a format: the page's query string and the language of the labels. */
export function exportHref(view: StatisticsView, format: 'csv' | 'xlsx', language: string): string {
  const params = serialiseView(view);
  // "No grouping" is the export's own default (the schema's groupBy = []): an empty value is
  // the page's way of telling it from a missing one, which the page reads as by month.
  if (view.groupBy.length === 0) params.delete('groupBy');
  params.set('lang', language);
  return `/exports/statistics.${format}?${params.toString()}`;
}
