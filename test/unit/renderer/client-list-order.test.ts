import type { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { neighbourClient, rememberSeenRows } from '../../../renderer/src/shortcuts/client-list-order';

/** A query client that answers 'clients:list' from a list of ids, and records what it was asked. */
function backend(ids: string[]) {
  const fetchQuery = vi.fn(async ({ queryKey }: { queryKey: unknown[] }) => {
    const input = queryKey[1] as { offset: number; limit: number };
    return { rows: ids.slice(input.offset, input.offset + input.limit).map((id) => ({ id })), total: ids.length };
  });
  return { client: { fetchQuery } as unknown as QueryClient, fetchQuery };
}

describe('next and previous client follow the list as the advisor last saw it', () => {
  const byNameDesc = { search: 'ka', kind: null, sortBy: 'displayName' as const, sortDir: 'desc' as const };

  it('steps through the rows the list showed, in their order, without asking the backend', async () => {
    const { client, fetchQuery } = backend([]);
    rememberSeenRows(byNameDesc, 0, ['C-9', 'C-4', 'C-7']);
    expect(await neighbourClient(client, 'C-4', 1)).toBe('C-7');
    expect(await neighbourClient(client, 'C-4', -1)).toBe('C-9');
    expect(await neighbourClient(client, 'C-9', -1)).toBeNull();
    expect(fetchQuery).not.toHaveBeenCalled();
  });

  it('asks the backend, with the same search and sort, for a row the list had not loaded', async () => {
    const { client, fetchQuery } = backend(['C-9', 'C-4', 'C-7', 'C-2']);
    rememberSeenRows(byNameDesc, 0, ['C-9', 'C-4', 'C-7']);
    expect(await neighbourClient(client, 'C-7', 1)).toBe('C-2');
    const input = (fetchQuery.mock.calls[0]![0] as { queryKey: unknown[] }).queryKey[1];
    expect(input).toMatchObject({ ...byNameDesc, offset: 3, limit: 1 });
  });

  it('a new sort forgets the old order; a client that is not in the list leads to its first client', async () => {
    const { client } = backend(['C-1', 'C-2']);
    rememberSeenRows(byNameDesc, 0, ['C-9', 'C-4']);
    rememberSeenRows({ ...byNameDesc, sortDir: 'asc' }, 0, ['C-4', 'C-9']);
    expect(await neighbourClient(client, 'C-4', 1)).toBe('C-9');
    expect(await neighbourClient(client, 'C-5', 1)).toBe('C-1');
  });
});
