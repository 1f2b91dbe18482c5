// The figures as a table: a column per grouping dimension, then the measures and the funds'
// shares of the cost; the total in the footer. A column's header sorts by it (again: the other
// way), announced through aria-sort; without a chosen column the rows keep the server's order.
import { Table, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import type { FundingSourceCode, StatisticsDimension } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { dimensionValue, measureKeys, measureNumber, measureText, MissingFigure, type MeasureKey } from './cells';
import classes from './statistics.module.css';
import type { MeasuresData, StatisticsResultData } from './statisticsQueries';

type ColumnKey = `dim:${StatisticsDimension}` | `m:${MeasureKey | FundingSourceCode}`;
interface Sort {
  key: ColumnKey;
  direction: 'ascending' | 'descending';
}

const fundOrder: FundingSourceCode[] = ['ESF', 'STATE_BUDGET', 'MUNICIPAL_BUDGET'];

export function StatisticsTable({ result, groupBy, caption }: { result: StatisticsResultData; groupBy: StatisticsDimension[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [sort, setSort] = useState<Sort | null>(null);

  // The funds that appear anywhere, in a fixed order: one column each.
  const funds = useMemo(() => {
    const codes = new Set<FundingSourceCode>();
    for (const m of [result.total, ...result.rows.map((r) => r.measures)]) m.fundingShares?.forEach((f) => codes.add(f.code));
    return fundOrder.filter((c) => codes.has(c));
  }, [result]);

  const rows = useMemo(() => {
    const labelled = result.rows.map((row, index) => ({ row, index, values: groupBy.map((d) => dimensionValue(row, d, t, language)) }));
    if (!sort) return labelled;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    const [kind, name] = sort.key.split(':') as ['dim' | 'm', string];
    const collator = new Intl.Collator(language);
    return labelled.slice().sort((a, b) => {
      if (kind === 'dim') {
        const i = groupBy.indexOf(name as StatisticsDimension);
        return factor * collator.compare(a.values[i].sort, b.values[i].sort) || a.index - b.index;
      }
      const x = measureNumber(a.row.measures, name as MeasureKey);
      const y = measureNumber(b.row.measures, name as MeasureKey);
      // Withheld figures last in either direction: they are not small, they are unknown.
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.index - b.index;
      return factor * (x - y) || a.index - b.index;
    });
  }, [result, groupBy, sort, t, language]);

  const toggle = (key: ColumnKey) =>
    setSort((old) => (old?.key === key ? { key, direction: old.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: key.startsWith('dim:') ? 'ascending' : 'descending' }));

  function header(key: ColumnKey, label: string, numeric: boolean) {
    const current = sort?.key === key ? sort.direction : undefined;
    return (
      <Table.Th key={key} scope="col" ta={numeric ? 'right' : undefined} aria-sort={current ?? 'none'}>
        <UnstyledButton onClick={() => toggle(key)} className={classes.sortButton}>
          {label}
          <span aria-hidden="true" className={classes.sortMark}>
            {current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕'}
          </span>
          {current && <span className="visually-hidden">{`, ${t(current === 'ascending' ? 'statistics.sortAscending' : 'statistics.sortDescending')}`}</span>}
        </UnstyledButton>
      </Table.Th>
    );
  }

  function figures(measures: MeasuresData, strong: boolean) {
    return [...measureKeys, ...funds].map((key) => {
      const text = measureText(measures, key, language);
      return (
        <Table.Td key={key} ta="right" fw={strong ? 700 : undefined} className={classes.figure}>
          {text ?? <MissingFigure suppressed={measures.suppressed} minCount={result.minCount} t={t} />}
        </Table.Td>
      );
    });
  }

  return (
    <TableScroll label={caption}>
      <Table striped withTableBorder fz="sm" horizontalSpacing="xs" className={classes.table}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {groupBy.length === 0 ? (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('statistics.rowLabel')}</span>
              </Table.Th>
            ) : (
              groupBy.map((d) => header(`dim:${d}`, t(`statistics.dimension.${d}`), false))
            )}
            {measureKeys.map((m) => header(`m:${m}`, t(`statistics.measure.${m}`), true))}
            {funds.map((f) => header(`m:${f}`, t(`fundingSource.${f}`), true))}
          </Table.Tr>
        </Table.Thead>
        {groupBy.length > 0 && (
          <Table.Tbody>
            {rows.map(({ row, index, values }) => (
              <Table.Tr key={index}>
                {values.map((v, i) =>
                  i === 0 ? (
                    <Table.Th key={i} scope="row" fw={500} lang={v.lang}>
                      {v.text}
                    </Table.Th>
                  ) : (
                    <Table.Td key={i} lang={v.lang}>
                      {v.text}
                    </Table.Td>
                  ),
                )}
                {figures(row.measures, false)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
        <Table.Tfoot>
          <Table.Tr className={classes.totalRow}>
            <Table.Th scope="row" colSpan={Math.max(groupBy.length, 1)}>
              {t('statistics.total')}
            </Table.Th>
            {figures(result.total, true)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
