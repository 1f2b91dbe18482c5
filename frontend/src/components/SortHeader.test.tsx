import { MantineProvider, Table } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n';
import type { Sort } from '../lib/listState';
import { SortHeader } from './SortHeader';

type Key = 'name' | 'date';

function renderHeaders(sort: Sort<Key> | null, onSort = vi.fn()) {
  render(
    <MantineProvider>
      <I18nextProvider i18n={createI18n('lv')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <SortHeader sortKey="name" sort={sort} onSort={onSort}>
                Vārds
              </SortHeader>
              <SortHeader sortKey="date" sort={sort} onSort={onSort} align="right">
                Datums
              </SortHeader>
            </Table.Tr>
          </Table.Thead>
        </Table>
      </I18nextProvider>
    </MantineProvider>,
  );
  return onSort;
}

const header = (name: string) => screen.getByRole('columnheader', { name });

describe('SortHeader', () => {
  it('is a button in a column header, named by the column, with aria-sort on the sorted column only', () => {
    renderHeaders({ key: 'name', direction: 'asc' });
    expect(header('Vārds').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Datums').hasAttribute('aria-sort')).toBe(false);
    expect(header('Vārds').getAttribute('scope')).toBe('col');
    // The arrow is decoration: the button's name is the column's.
    expect(screen.getByRole('button', { name: 'Vārds' }).getAttribute('title')).toBe('Kārtot dilstošā secībā');
    expect(screen.getByRole('button', { name: 'Datums' }).getAttribute('title')).toBe('Kārtot augošā secībā');
  });

  it('says descending for a column sorted so', () => {
    renderHeaders({ key: 'date', direction: 'desc' });
    expect(header('Datums').getAttribute('aria-sort')).toBe('descending');
    expect(header('Vārds').hasAttribute('aria-sort')).toBe(false);
  });

  it('has no aria-sort anywhere while the list keeps the server’s order', () => {
    renderHeaders(null);
    expect(screen.getAllByRole('columnheader').filter((th) => th.hasAttribute('aria-sort'))).toHaveLength(0);
  });

  it('tells which column was clicked (a keyboard press clicks a button too)', () => {
    const onSort = renderHeaders(null);
    fireEvent.click(screen.getByRole('button', { name: 'Datums' }));
    expect(onSort).toHaveBeenCalledWith('date');
  });
});
