// National figures (within the user's scope): deliveries, people served and money by any
// region, municipality, project, service and period, as a table, a chart and exports, and the
// projects' progress towards their targets and through their funds.
//
// The view (period, filters, grouping) lives in the address (urlState.ts), so that a link or a
// reload restores it, back and forward move between views, and the export links carry the same
// query string to the server.
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { StatisticsDimension } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { formatPeriod, todayInRiga } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { useProjects, useServiceTypes } from '../../lib/referenceData';
import { BarChart } from './BarChart';
import { dimensionValue, measureKeys, measureNumber, measureText, type MeasureKey } from './cells';
import { ProjectProgressSection } from './ProjectProgressSection';
import { StatisticsFilters } from './StatisticsFilters';
import { StatisticsTable } from './StatisticsTable';
import classes from './statistics.module.css';
import { statisticsQuery, statisticsRegionsQuery, type StatisticsResultData } from './statisticsQueries';
import { defaultView, exportHref, filterOf, parseView, serialiseView, type StatisticsView } from './urlState';

export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('statistics.title'));
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => todayInRiga(), []);
  const view = useMemo(() => parseView(params, today), [params, today]);

  return (
    <Stack gap="xl" className={classes.page}>
      <div>
        <Title order={1}>{t('statistics.title')}</Title>
        <Text mt="xs" maw="48rem">
          {t('statistics.intro')}
        </Text>
      </div>
      <div className={classes.filters}>
        <StatisticsFilters view={view} onApply={(v) => setParams(serialiseView(v))} onReset={() => setParams(serialiseView(defaultView(today)))} />
      </div>
      <ViewSummary view={view} />
      <section aria-labelledby="statistics-export" className={classes.exports}>
        <Title order={2} id="statistics-export" className="visually-hidden">
          {t('statistics.exportTitle')}
        </Title>
        <Group>
          <Button component="a" variant="outline" href={exportHref(view, 'csv', language)} download>
            {t('statistics.exportCsv')}
          </Button>
          <Button component="a" variant="outline" href={exportHref(view, 'xlsx', language)} download>
            {t('statistics.exportXlsx')}
          </Button>
          <Button variant="subtle" onClick={() => window.print()}>
            {t('statistics.print')}
          </Button>
        </Group>
      </section>
      <StatisticsResults view={view} />
      <ProjectProgressSection projectIds={view.projectIds} on={view.to} />
    </Stack>
  );
}

/**
 * The view in one line: what a printout shows in place of the form (and the screen shows too,
 * so that the figures below always say what they are of). The chosen regions and the like by
 * name, from the lists the form reads (cached: no request of its own).
 */
function ViewSummary({ view }: { view: StatisticsView }) {
  const { t, i18n } = useTranslation();
  const english = currentLanguage(i18n) === 'en';
  const [{ data: regionData }] = useQuery({ query: statisticsRegionsQuery });
  const projects = useProjects();
  const serviceTypes = useServiceTypes();
  const regions = regionData?.regions ?? [];
  const names = (ids: string[], named: { id: string; name: string }[]) => ids.map((id) => named.find((n) => n.id === id)?.name ?? '?').join(', ');
  const filters = [
    view.regionIds.length && `${t('statistics.regions')}: ${names(view.regionIds, regions.map((r) => ({ id: r.id, name: english ? r.nameEn : r.name })))}`,
    view.municipalityIds.length && `${t('statistics.municipalities')}: ${names(view.municipalityIds, regions.flatMap((r) => r.municipalities))}`,
    view.projectIds.length && `${t('statistics.projects')}: ${names(view.projectIds, projects.map((p) => ({ id: p.id, name: p.code })))}`,
    view.serviceTypeIds.length &&
      `${t('statistics.serviceTypes')}: ${names(view.serviceTypeIds, serviceTypes.map((s) => ({ id: s.id, name: english ? s.nameEn : s.name })))}`,
    view.serviceCategories.length && `${t('statistics.serviceCategories')}: ${view.serviceCategories.map((c) => t(`serviceCategory.${c}`)).join(', ')}`,
    view.recipient && `${t('statistics.recipient')}: ${t(`recipient.${view.recipient}`)}`,
  ].filter(Boolean);
  return (
    <Text className={classes.summary}>
      {t('statistics.summary', {
        period: formatPeriod(view.from, view.to),
        groupBy: view.groupBy.length ? view.groupBy.map((d) => t(`statistics.dimension.${d}`)).join(' → ') : t('statistics.summaryNoGrouping'),
        filters: filters.length ? filters.join('; ') : t('statistics.summaryNoFilter'),
      })}
    </Text>
  );
}

function StatisticsResults({ view }: { view: StatisticsView }) {
  const { t } = useTranslation();
  const variables = useMemo(() => ({ filter: filterOf(view), groupBy: view.groupBy }), [view]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: statisticsQuery, variables });
  const result = data?.statistics;
  const groupNames = view.groupBy.map((d) => t(`statistics.dimension.${d}`)).join(', ');
  const caption = view.groupBy.length ? t('statistics.tableCaption', { groupBy: groupNames }) : t('statistics.tableCaptionTotal');

  return (
    <section aria-labelledby="statistics-results">
      <Title order={2} id="statistics-results" mb="xs">
        {t('statistics.resultsTitle')}
      </Title>
      {fetching && <Loading />}
      {error && !fetching && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {result && !error && (
        <Stack gap="md">
          <Group gap="lg">
            <Text fw={500}>{t('statistics.asOf', { time: formatDateTime(result.asOf) })}</Text>
            {view.groupBy.length > 0 && <Text role="status">{t('statistics.rowCount', { count: result.rows.length })}</Text>}
          </Group>
          {result.minCount !== null && result.minCount !== undefined && <Text size="sm">{t('statistics.suppressedLegend', { k: result.minCount })}</Text>}
          {view.groupBy.length > 0 && result.rows.length === 0 && <Text>{t('statistics.empty')}</Text>}
          {view.groupBy.length > 0 && result.rows.length > 0 && <StatisticsChart result={result} groupBy={view.groupBy} />}
          <StatisticsTable key={view.groupBy.join(',')} result={result} groupBy={view.groupBy} caption={caption} />
        </Stack>
      )}
    </section>
  );
}

const timeDimensions: StatisticsDimension[] = ['YEAR', 'QUARTER', 'MONTH'];

/** Bars of a chosen measure by the grouping, when there is exactly one dimension (people do not add up across rows). */
function StatisticsChart({ result, groupBy }: { result: StatisticsResultData; groupBy: StatisticsDimension[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [measure, setMeasure] = useState<MeasureKey>(groupBy[0] && timeDimensions.includes(groupBy[0]) ? 'sessions' : 'children');
  if (groupBy.length !== 1) {
    return (
      <Text size="sm" c="dimmed">
        {t('statistics.chartOneDimension')}
      </Text>
    );
  }
  const dimension = groupBy[0];
  const bars = result.rows.map((row) => ({
    label: dimensionValue(row, dimension, t, language).text,
    value: measureNumber(row.measures, measure),
    valueText: measureText(row.measures, measure, language) ?? (row.measures.suppressed ? t('statistics.chartSuppressed') : '—'),
  }));
  const largest = bars.reduce<(typeof bars)[number] | null>((best, b) => (b.value !== null && (best === null || b.value > (best.value ?? -1)) ? b : best), null);
  const measureName = t(`statistics.measure.${measure}`);
  const dimensionName = t(`statistics.dimension.${dimension}`);
  const summary = largest
    ? t('statistics.chartLabel', { measure: measureName, dimension: dimensionName, max: largest.valueText, label: largest.label })
    : t('statistics.chartLabelEmpty', { measure: measureName, dimension: dimensionName });

  return (
    <Stack gap="xs" className={classes.chart}>
      <NativeSelect
        label={t('statistics.chartMeasure')}
        value={measure}
        onChange={(e) => setMeasure(e.currentTarget.value as MeasureKey)}
        data={measureKeys.map((m) => ({ value: m, label: t(`statistics.measure.${m}`) }))}
        maw="20rem"
        className={classes.chartControl}
      />
      <BarChart bars={bars} summary={summary} vertical={timeDimensions.includes(dimension)} />
    </Stack>
  );
}
