import type { QueryClient } from '@tanstack/react-query';
import { fetchChannel } from '../../api/use-channel-query';
import { clientListMemory } from './list-memory';

/**
 * The client after (step 1) or before (step -1) this one in the client list as the advisor last saw it: same search,
 * filter and sort. A client that is not in that list leads to its first client; past either end there is none.
 */
export async function neighbourClient(queryClient: QueryClient, id: string, step: 1 | -1): Promise<string | null> {
  const memory = clientListMemory;
  const query = {
    search: memory.searchText.trim(),
    kind: memory.kindFilter === 'all' ? null : memory.kindFilter,
    sortBy: memory.sortBy,
    sortDir: memory.sortDir,
  };
  let index: number | null = null;
  if (memory.seenRows.queryKey === JSON.stringify(query))
    for (const [i, seen] of memory.seenRows.idAt) if (seen === id) index = i;
  const target = index === null ? 0 : index + step;
  if (target < 0) return null;
  const known = memory.seenRows.idAt.get(target);
  if (index !== null && known !== undefined) return known;
  const page = await fetchChannel(queryClient, 'clients:list', { ...query, offset: target, limit: 1 });
  return page.rows[0]?.id ?? null;
}
