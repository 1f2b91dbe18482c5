// A list that grows page by page over a Relay connection ("load more"), and starts over from
// the first page when the data behind it changed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, type AnyVariables, type CombinedError, type DocumentInput } from 'urql';

/** The parts of a Relay connection a paged list reads. */
export interface Connection<N> {
  /** Null for a MINISTRY_ANALYST when the list is too small to tell (the server's threshold). */
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

/** A list of pages as far as loaded. */
export interface Pages<N> {
  nodes: N[];
  /** How many there are on all pages; undefined until the first answer. */
  total: number | undefined;
  /** The answer has no connection (e.g. the node was not found). */
  missing: boolean;
  /** The first page has come. */
  loaded: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  /** Asks for the next page; null when there is none. */
  loadMore: (() => void) | null;
  /** Starts over from the first page, asking the server (after a change). */
  refresh: () => void;
  /** Asks again for the page that failed. */
  retry: () => void;
}

export function usePages<Data, Variables extends AnyVariables, N>({
  query,
  variables,
  connection,
  pageSize = 50,
  pause = false,
}: {
  /** A query that takes `first` and `after` besides `variables`. */
  query: DocumentInput<Data, Variables>;
  variables: Omit<Variables, 'first' | 'after'>;
  /** Where the connection lies in the answer; null when the answer has none (e.g. a node not found). */
  connection: (data: Data) => Connection<N> | null | undefined;
  pageSize?: number;
  pause?: boolean;
}): Pages<N> {
  // The cursors of the pages asked for: null for the first page, then each page's endCursor.
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<{ cursor: string | null; nodes: N[] }[]>([]);
  // Each refresh asks the server again, past the cache, which holds what is now stale.
  const [refreshes, setRefreshes] = useState(0);
  const context = useMemo(() => (refreshes === 0 ? undefined : { requestPolicy: 'network-only' as const, refreshes }), [refreshes]);
  const [{ data, fetching, error, operation }, reexecute] = useQuery<Data, Variables>({
    query,
    variables: { ...variables, first: pageSize, after } as unknown as Variables,
    context,
    pause,
  });

  // Keep every page fetched so far; a page fetched again replaces itself and drops those after
  // it. urql keeps the previous page's data while the next one loads: only the data of the page
  // asked for counts.
  const pageOfData = (operation?.variables as { after?: string | null } | undefined)?.after ?? null;
  const found = data ? connection(data) : undefined;
  useEffect(() => {
    if (!found || pageOfData !== after) return;
    const nodes = found.edges.map((e) => e.node);
    setPages((old) => {
      const i = old.findIndex((p) => p.cursor === after);
      return i < 0 ? [...old, { cursor: after, nodes }] : [...old.slice(0, i), { cursor: after, nodes }];
    });
  }, [found, after, pageOfData]);

  const refresh = useCallback(() => {
    setAfter(null);
    setRefreshes((n) => n + 1);
  }, []);
  const next = found?.pageInfo.hasNextPage ? (found.pageInfo.endCursor ?? null) : null;

  return {
    nodes: pages.flatMap((p) => p.nodes),
    total: found?.totalCount ?? undefined,
    missing: data !== undefined && !found,
    loaded: pages.length > 0,
    fetching,
    error,
    loadMore: next ? () => setAfter(next) : null,
    refresh,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
