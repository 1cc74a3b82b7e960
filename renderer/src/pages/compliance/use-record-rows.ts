import { useCallback, useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { ComplianceRecordRow, RecordFilter } from '../../../../app/contract';
import { call } from '../../api/call';
import { channelKey } from '../../api/query-keys';

const PAGE = 100;

export interface RecordRows {
  /** How many records match; null until the first page has come. */
  total: number | null;
  rowAt(index: number): ComplianceRecordRow | undefined;
  /** The rows on screen, so the pages holding them are fetched. */
  showRange(first: number, last: number): void;
  loading: boolean;
  error: Error | null;
}

/** The filter's records a page of 100 at a time, fetched as the table scrolls to them. */
export function useRecordRows(filter: RecordFilter): RecordRows {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const pages = useMemo(() => {
    const out: number[] = [];
    for (let p = Math.floor(range[0] / PAGE); p <= Math.floor(range[1] / PAGE); p++) out.push(p);
    return out.includes(0) ? out : [0, ...out];
  }, [range]);
  const results = useQueries({
    queries: pages.map((page) => {
      const input = { ...filter, offset: page * PAGE, limit: PAGE };
      return {
        queryKey: channelKey('records:search', input),
        queryFn: () => call('records:search', input),
        placeholderData: (previous: unknown) => previous as never,
      };
    }),
  });
  const first = results[0]?.data;
  const byPage = new Map(pages.map((page, i) => [page, results[i]?.data]));
  const showRange = useCallback((from: number, to: number) => {
    setRange((current) => (current[0] === from && current[1] === to ? current : [from, to]));
  }, []);
  return {
    total: first?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / PAGE))?.rows[index % PAGE],
    showRange,
    loading: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
