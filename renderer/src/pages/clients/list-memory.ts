import type { ClientKind, ClientSortField } from '../../../../app/domain';

export interface ClientListMemory {
  searchText: string;
  kindFilter: 'all' | ClientKind;
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
  scrollTop: number;
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
};
