// A column header that sorts the table: a button in the <th>, which says by aria-sort how the
// table is sorted (only the sorted column has it). The arrow is decoration drawn by CSS (not in
// the header's text or name); the state is read from aria-sort, and the button's title says
// what a click does.
import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sort } from '../lib/listState';
import classes from './SortHeader.module.css';

export function SortHeader<K extends string>({
  sortKey,
  sort,
  onSort,
  children,
  align,
}: {
  sortKey: K;
  sort: Sort<K> | null;
  onSort: (key: K) => void;
  children: ReactNode;
  align?: 'left' | 'right';
}) {
  const { t } = useTranslation();
  const direction = sort?.key === sortKey ? sort.direction : null;
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
  return (
    <Table.Th scope="col" aria-sort={ariaSort} ta={align} className={classes.th}>
      <UnstyledButton
        className={classes.button}
        data-sorted={direction ?? undefined}
        onClick={() => onSort(sortKey)}
        title={direction === 'asc' ? t('lists.sortDescending') : t('lists.sortAscending')}
      >
        {children}
      </UnstyledButton>
    </Table.Th>
  );
}
