import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientKind, ClientSortField, ClientSummary } from '../../../../app/domain';
import { useQueryClient } from '@tanstack/react-query';
import { channelOfKey } from '../../api/query-keys';
import { fetchChannel } from '../../api/use-channel-query';
import { rememberSeenRows } from '../../shortcuts/client-list-order';

export const CLIENT_PAGE_SIZE = 100;
/** Requests in flight at once: a fast scroll asks only for where it lands, not for every page it passed. */
const MAX_IN_FLIGHT = 3;
/** Pages kept in memory (about 6,000 rows); the ones farthest from the viewport are dropped first. */
const MAX_CACHED_PAGES = 60;

export interface ClientRowsQuery {
  search: string;
  kind: ClientKind | null;
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
}

export interface ClientRows {
  /** Matching clients; null until the first page answers. */
  total: number | null;
  rowAt(index: number): ClientSummary | undefined;
  /** Tells the cache which rows are on screen so it fetches the pages that hold them. */
  showRange(first: number, last: number): void;
  /** The failure that left the list with nothing to show, if any. */
  error: unknown;
  retry(): void;
}

interface Cache {
  queryKey: string;
  pages: Map<number, ClientSummary[]>;
  stale: Set<number>;
  inFlight: Set<number>;
  wanted: number[];
  range: [number, number];
}

/**
 * A page cache over 'clients:list' for a virtualized table: rows are fetched a page at a time as they
 * scroll into view, kept while they are near, and refetched in place when the backend says clients changed.
 * Pages are fetched through the query cache (which reports failures) and refetched when it invalidates any
 * 'clients:list' answer; this hook only decides which pages to ask for and when, which a list of queries could not.
 */
export function useClientRows(query: ClientRowsQuery): ClientRows {
  const queryClient = useQueryClient();
  const queryKey = JSON.stringify(query);
  const cache = useRef<Cache>({
    queryKey,
    pages: new Map(),
    stale: new Set(),
    inFlight: new Set(),
    wanted: [0],
    range: [0, 0],
  });
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [, setVersion] = useState(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const pump = useCallback(() => {
    const c = cache.current;
    for (const page of c.wanted) {
      if (c.inFlight.size >= MAX_IN_FLIGHT) break;
      if (c.inFlight.has(page) || (c.pages.has(page) && !c.stale.has(page))) continue;
      c.inFlight.add(page);
      const key = c.queryKey;
      const q = queryRef.current;
      fetchChannel(queryClient, 'clients:list', {
        ...q,
        offset: page * CLIENT_PAGE_SIZE,
        limit: CLIENT_PAGE_SIZE,
      }).then(
        (result) => {
          if (cache.current.queryKey !== key) return;
          c.inFlight.delete(page);
          c.pages.set(page, result.rows);
          rememberSeenRows(
            q,
            page * CLIENT_PAGE_SIZE,
            result.rows.map((r) => r.id),
          );
          c.stale.delete(page);
          evictFarPages(c);
          setTotal(result.total);
          setError(undefined);
          setVersion((v) => v + 1);
          pump();
        },
        (error: unknown) => {
          if (cache.current.queryKey !== key) return;
          c.inFlight.delete(page);
          // Leave the page missing (skeleton rows) and say why; scrolling or a data change asks again.
          c.wanted = c.wanted.filter((p) => p !== page);
          if (c.pages.size === 0) setError(error);
        },
      );
    }
  }, [queryClient]);

  // A new search, filter or sort starts an empty cache; answers for the old query are ignored.
  useEffect(() => {
    if (cache.current.queryKey === queryKey) {
      pump();
      return;
    }
    cache.current = { queryKey, pages: new Map(), stale: new Set(), inFlight: new Set(), wanted: [0], range: [0, 0] };
    setTotal(null);
    setError(undefined);
    setVersion((v) => v + 1);
    pump();
  }, [queryKey, pump]);

  const retry = useCallback(() => {
    const c = cache.current;
    c.wanted = pagesFor(c.range);
    if (c.wanted.length === 0) c.wanted = [0];
    setError(undefined);
    pump();
  }, [pump]);

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'invalidate') return;
        if (channelOfKey(event.query.queryKey) !== 'clients:list') return;
        const c = cache.current;
        for (const page of c.pages.keys()) c.stale.add(page);
        c.wanted = pagesFor(c.range);
        if (c.wanted.length === 0) c.wanted = [0];
        pump();
      }),
    [queryClient, pump],
  );

  const showRange = useCallback(
    (first: number, last: number) => {
      const c = cache.current;
      if (c.range[0] === first && c.range[1] === last) return;
      c.range = [first, last];
      c.wanted = pagesFor(c.range);
      pump();
    },
    [pump],
  );

  const rowAt = useCallback((index: number) => {
    const page = cache.current.pages.get(Math.floor(index / CLIENT_PAGE_SIZE));
    return page?.[index % CLIENT_PAGE_SIZE];
  }, []);

  return { total, rowAt, showRange, error, retry };
}

function pagesFor([first, last]: [number, number]): number[] {
  const pages: number[] = [];
  for (let p = Math.floor(first / CLIENT_PAGE_SIZE); p <= Math.floor(Math.max(first, last) / CLIENT_PAGE_SIZE); p++)
    pages.push(p);
  return pages;
}

function evictFarPages(c: Cache): void {
  if (c.pages.size <= MAX_CACHED_PAGES) return;
  const centre = Math.floor((c.range[0] + c.range[1]) / 2 / CLIENT_PAGE_SIZE);
  const byDistance = [...c.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const page of byDistance.slice(0, c.pages.size - MAX_CACHED_PAGES)) {
    c.pages.delete(page);
    c.stale.delete(page);
  }
}
