// A list's view (its search, filters and sort) as URL search parameters, so that a link or a
// reload restores the view and the browser's back button returns to it. Each list names its
// own parameters; the sort is one parameter, `sort`, holding a column's key, with a leading
// minus for descending order ("sort=-birthDate").
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

export type SortDirection = 'asc' | 'desc';

export interface Sort<K extends string> {
  key: K;
  direction: SortDirection;
}

/** The URL parameter of the sort. */
export const sortParam = 'sort';

/** Reads the sort from the parameters: an unknown column (an old or edited link) is the default. */
export function parseSort<K extends string>(params: URLSearchParams, keys: readonly K[], fallback: Sort<K> | null): Sort<K> | null {
  const raw = params.get(sortParam);
  if (!raw) return fallback;
  const direction: SortDirection = raw.startsWith('-') ? 'desc' : 'asc';
  const key = raw.replace(/^[-+]/, '');
  return (keys as readonly string[]).includes(key) ? { key: key as K, direction } : fallback;
}

/** The parameter's value of a sort. */
export function formatSort<K extends string>(sort: Sort<K>): string {
  return sort.direction === 'desc' ? `-${sort.key}` : sort.key;
}

/**
 * The sort after a click on a column's header: the sorted column turns around; another column
 * sorts ascending first, or descending when `descendingFirst` (dates, amounts: newest first).
 */
export function nextSort<K extends string>(current: Sort<K> | null, key: K, descendingFirst = false): Sort<K> {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: descendingFirst ? 'desc' : 'asc' };
}

/** A value of the parameters that is one of `values`, else null. */
export function oneOf<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T | null {
  const v = params.get(name);
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}

/**
 * The parameters with these changed: a value that is null, empty or undefined removes its
 * parameter (the default needs no parameter; the address stays short). The others are kept.
 */
export function withParams(params: URLSearchParams, changes: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value == null || value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** The parameters' value of a sort: none for the default, which needs none. */
export function sortValue<K extends string>(sort: Sort<K>, fallback: Sort<K> | null): string | null {
  return fallback && sort.key === fallback.key && sort.direction === fallback.direction ? null : formatSort(sort);
}

const collator = new Intl.Collator('lv', { sensitivity: 'base', numeric: true });

/** Compares two cell values: text by the Latvian alphabet, numbers as numbers, empty ones last. */
export function compareValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const aEmpty = a == null || a === '';
  const bEmpty = b == null || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by a column (a copy; stable, so that equal rows keep the server's order).
 * Empty values stay at the end in both directions. Without a sort, the rows as they are.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: Sort<K> | null,
  valueOf: (row: T, key: K) => string | number | null | undefined,
): T[] {
  if (!sort) return rows.slice();
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: valueOf(row, sort.key) }))
    .sort((x, y) => {
      const xEmpty = x.v == null || x.v === '';
      const yEmpty = y.v == null || y.v === '';
      if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
      return sign * compareValues(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/**
 * The page's search parameters with a setter: a change of a filter or of the sort is a new
 * history entry (back returns to the previous view); `replace` changes the current one (for
 * text being typed, which would otherwise leave an entry per pause).
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null | undefined>, options: { replace?: boolean } = {}) =>
      setParams((old) => withParams(old, changes), { replace: options.replace ?? false, preventScrollReset: true }),
    [setParams],
  );
  return [params, update] as const;
}

/**
 * A search box's text, written to the URL parameter `name` once the user pauses typing
 * (`delay` ms): the list follows without Enter. A change of the address (back, a link) puts its
 * text into the box.
 */
export function useSearchParam(name: string, delay = 300) {
  const [params, update] = useListParams();
  const applied = params.get(name) ?? '';
  const [text, setText] = useState(applied);
  // What the URL had when the box last followed it, to tell its own changes from the address's.
  const lastApplied = useRef(applied);

  useEffect(() => {
    if (applied !== lastApplied.current) {
      lastApplied.current = applied;
      setText(applied);
    }
  }, [applied]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === lastApplied.current) return;
    const timer = setTimeout(() => {
      lastApplied.current = trimmed;
      // The first letters make a new entry, further typing replaces it: back returns to the
      // list as it was before the search, not letter by letter.
      update({ [name]: trimmed || null }, { replace: applied !== '' });
    }, delay);
    return () => clearTimeout(timer);
  }, [text, applied, name, delay, update]);

  /** Applies the text at once (Enter). */
  const flush = useCallback(() => {
    const trimmed = text.trim();
    if (trimmed === lastApplied.current) return;
    lastApplied.current = trimmed;
    update({ [name]: trimmed || null }, { replace: applied !== '' });
  }, [text, applied, name, update]);

  return useMemo(() => ({ text, setText, applied, flush }), [text, applied, flush]);
}
