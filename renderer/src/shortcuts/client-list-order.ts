import type { QueryClient } from '@tanstack/react-query';
import type { ClientKind, ClientSortField } from '../../../app/domain';
import { fetchChannel } from '../api/use-channel-query';

export interface ClientListQuery {
  search: string;
  kind: ClientKind | null;
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
}

/**
 * The client list as the advisor last saw it (its search, filter and sort, and the ids of the rows it loaded, by
 * position), kept for the life of the window so that a client page can step to the next or previous client.
 */
const seen: { query: ClientListQuery | null; idAt: Map<number, string> } = { query: null, idAt: new Map() };

/** Notes a page of rows the client list loaded; a new search, filter or sort starts afresh. */
export function rememberSeenRows(query: ClientListQuery, offset: number, ids: readonly string[]): void {
  if (JSON.stringify(seen.query) !== JSON.stringify(query)) {
    seen.query = { ...query };
    seen.idAt = new Map();
  }
  ids.forEach((id, i) => seen.idAt.set(offset + i, id));
}

/**
 * The client after (step 1) or before (step -1) this one in that list. A client that is not in it leads to the
 * list's first client; past either end there is none. Before the list was ever shown, its default order counts.
 */
export async function neighbourClient(queryClient: QueryClient, id: string, step: 1 | -1): Promise<string | null> {
  const query: ClientListQuery = seen.query ?? { search: '', kind: null, sortBy: 'displayName', sortDir: 'asc' };
  let index: number | null = null;
  for (const [i, seenId] of seen.idAt) if (seenId === id) index = i;
  const target = index === null ? 0 : index + step;
  if (target < 0) return null;
  const known = seen.idAt.get(target);
  if (index !== null && known !== undefined) return known;
  const page = await fetchChannel(queryClient, 'clients:list', { ...query, offset: target, limit: 1 });
  return page.rows[0]?.id ?? null;
}
