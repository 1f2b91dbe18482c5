import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  compareValues,
  formatSort,
  nextSort,
  oneOf,
  parseSort,
  sortRows,
  sortValue,
  useSearchParam,
  withParams,
  type Sort,
} from './listState';

const keys = ['name', 'birthDate'] as const;
type Key = (typeof keys)[number];
const byName: Sort<Key> = { key: 'name', direction: 'asc' };

describe('a list’s sort in the URL', () => {
  it('reads a column, with a minus for descending order', () => {
    expect(parseSort(new URLSearchParams('sort=birthDate'), keys, byName)).toEqual({ key: 'birthDate', direction: 'asc' });
    expect(parseSort(new URLSearchParams('sort=-birthDate'), keys, byName)).toEqual({ key: 'birthDate', direction: 'desc' });
    expect(parseSort(new URLSearchParams('sort=-name'), keys, null)).toEqual({ key: 'name', direction: 'desc' });
  });

  it('falls back to the default for a missing or unknown column (an old or edited link)', () => {
    expect(parseSort(new URLSearchParams(''), keys, byName)).toBe(byName);
    expect(parseSort(new URLSearchParams('sort=shoeSize'), keys, byName)).toBe(byName);
    expect(parseSort(new URLSearchParams('sort=-'), keys, null)).toBeNull();
  });

  it('writes what it reads, and nothing for the default', () => {
    for (const sort of [byName, { key: 'name', direction: 'desc' }, { key: 'birthDate', direction: 'desc' }] as Sort<Key>[]) {
      expect(parseSort(new URLSearchParams({ sort: formatSort(sort) }), keys, null)).toEqual(sort);
    }
    expect(sortValue(byName, byName)).toBeNull();
    expect(sortValue({ key: 'name', direction: 'desc' }, byName)).toBe('-name');
    expect(sortValue(byName, null)).toBe('name');
  });

  it('turns the sorted column around, and sorts another one ascending (or descending, for dates) first', () => {
    expect(nextSort(byName, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'name')).toEqual(byName);
    expect(nextSort(byName, 'birthDate')).toEqual({ key: 'birthDate', direction: 'asc' });
    expect(nextSort(null, 'birthDate', true)).toEqual({ key: 'birthDate', direction: 'desc' });
  });
});

describe('a list’s filters in the URL', () => {
  it('reads only the values offered', () => {
    const params = new URLSearchParams('status=PAID&role=KING');
    expect(oneOf(params, 'status', ['SUBMITTED', 'PAID'])).toBe('PAID');
    expect(oneOf(params, 'role', ['ADMIN'])).toBeNull();
    expect(oneOf(params, 'missing', ['ADMIN'])).toBeNull();
  });

  it('changes some parameters, removes the emptied ones and keeps the others', () => {
    const before = new URLSearchParams('q=Ozols&status=PAID&sort=-total');
    const after = withParams(before, { status: null, q: 'Kalniņa', municipality: '', sort: undefined, planStatus: 'ACTIVE' });
    expect(after.toString()).toBe('q=Kalni%C5%86a&planStatus=ACTIVE');
    expect(before.toString()).toBe('q=Ozols&status=PAID&sort=-total'); // a copy
  });
});

describe('sorting rows in the browser', () => {
  const rows = [
    { name: 'Ozols', n: 10 },
    { name: 'Āboliņa', n: 2 },
    { name: 'Bērziņš', n: null },
    { name: 'Zariņa', n: 2 },
    { name: 'abele', n: 1 },
  ];
  const value = (r: (typeof rows)[number], key: 'name' | 'n') => r[key];

  it('sorts text by the Latvian alphabet, ignoring case', () => {
    expect(sortRows(rows, { key: 'name', direction: 'asc' }, value).map((r) => r.name)).toEqual(['abele', 'Āboliņa', 'Bērziņš', 'Ozols', 'Zariņa']);
    expect(sortRows(rows, { key: 'name', direction: 'desc' }, value).map((r) => r.name)).toEqual(['Zariņa', 'Ozols', 'Bērziņš', 'Āboliņa', 'abele']);
  });

  it('sorts numbers as numbers, keeps equal rows in their order and empty ones last either way', () => {
    expect(sortRows(rows, { key: 'n', direction: 'asc' }, value).map((r) => r.name)).toEqual(['abele', 'Āboliņa', 'Zariņa', 'Ozols', 'Bērziņš']);
    expect(sortRows(rows, { key: 'n', direction: 'desc' }, value).map((r) => r.name)).toEqual(['Ozols', 'Āboliņa', 'Zariņa', 'abele', 'Bērziņš']);
  });

  it('leaves the rows as they are without a sort, and never changes the given array', () => {
    const copy = rows.slice();
    expect(sortRows(rows, null, value)).toEqual(rows);
    sortRows(rows, { key: 'name', direction: 'asc' }, value);
    expect(rows).toEqual(copy);
  });

  it('compares text with numbers inside as people count', () => {
    expect(compareValues('2. redakcija', '10. redakcija')).toBeLessThan(0);
    expect(compareValues('', 'a')).toBeGreaterThan(0);
    expect(compareValues(null, undefined)).toBe(0);
  });
});

describe('search as you type', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function Search() {
    const search = useSearchParam('q', 300);
    const location = useLocation();
    return (
      <>
        <input aria-label="search" value={search.text} onChange={(e) => search.setText(e.currentTarget.value)} />
        <output>{location.search}</output>
        <span data-testid="applied">{search.applied}</span>
      </>
    );
  }

  function setup(initial: string) {
    const router = createMemoryRouter([{ path: '/children', element: <Search /> }], { initialEntries: ['/other', initial], initialIndex: 1 });
    render(<RouterProvider router={router} />);
    return router;
  }
  const box = () => screen.getByLabelText('search') as HTMLInputElement;
  const search = () => screen.getByRole('status').textContent;

  it('writes the text to the URL once typing pauses (no Enter), keeping the other parameters', () => {
    setup('/children?status=PAID');
    fireEvent.change(box(), { target: { value: 'Oz' } });
    act(() => vi.advanceTimersByTime(200));
    fireEvent.change(box(), { target: { value: ' Ozols ' } });
    act(() => vi.advanceTimersByTime(200));
    expect(search()).toBe('?status=PAID'); // still typing
    act(() => vi.advanceTimersByTime(150));
    expect(search()).toBe('?status=PAID&q=Ozols');
    expect(screen.getByTestId('applied').textContent).toBe('Ozols');
  });

  it('reads the text from the URL on load, and follows the URL when it changes (back)', () => {
    const router = setup('/children?q=Kalni%C5%86a');
    expect(box().value).toBe('Kalniņa');
    fireEvent.change(box(), { target: { value: '' } });
    act(() => vi.advanceTimersByTime(300));
    expect(search()).toBe('');
    act(() => void router.navigate('/children?q=Ozols'));
    expect(box().value).toBe('Ozols');
  });

  it('makes one history entry for a search, not one per pause', () => {
    const router = setup('/children');
    fireEvent.change(box(), { target: { value: 'Oz' } });
    act(() => vi.advanceTimersByTime(300));
    fireEvent.change(box(), { target: { value: 'Ozols' } });
    act(() => vi.advanceTimersByTime(300));
    expect(search()).toBe('?q=Ozols');
    act(() => void router.navigate(-1));
    expect(search()).toBe('');
    expect(box().value).toBe('');
  });
});
