import type { ClientKind, ClientSortField } from '../../../../app/domain';

export interface ClientListMemory {
  searchText: string;
  kindFilter: 'all' | ClientKind;
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
  scrollTop: number;
  /** Ids of the rows the list has loaded, by position, for the query they answered (next/previous client). */
  seenRows: { queryKey: string; idAt: Map<number, string> };
}

/**
 * Where the advisor was in the client list, kept for the life of the window so that opening a client
 * and pressing Back returns to the same search, sort and scroll position instead of the top.
 */
export const clientListMemory: ClientListMemory = {
  searchText: '',
  kindFilter: 'all',
  sortBy: 'displayName',
  sortDir: 'asc',
  scrollTop: 0,
  seenRows: { queryKey: '', idAt: new Map() },
};

/** Notes the ids of a page of rows the list showed, so a client page can step to the next or previous one. */
export function rememberSeenRows(queryKey: string, offset: number, ids: readonly string[]): void {
  if (clientListMemory.seenRows.queryKey !== queryKey) clientListMemory.seenRows = { queryKey, idAt: new Map() };
  ids.forEach((id, i) => clientListMemory.seenRows.idAt.set(offset + i, id));
}
