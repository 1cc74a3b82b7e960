import type { ClientSortField } from '../../../../app/domain';
import type { MessageKey } from '../../../../app/messages';

export interface ClientColumn {
  id: 'name' | 'city' | 'riskClass' | 'investableAssets' | 'kycReviewedAt' | 'nextMeeting' | 'updatedAt';
  label: MessageKey;
  sortField?: ClientSortField;
  align?: 'right';
}

export const CLIENT_COLUMNS: ClientColumn[] = [
  { id: 'name', label: 'clients.col.name', sortField: 'displayName' },
  { id: 'city', label: 'clients.col.city' },
  { id: 'riskClass', label: 'clients.col.riskClass', sortField: 'riskClass' },
  { id: 'investableAssets', label: 'clients.col.investableAssets', sortField: 'investableAssets', align: 'right' },
  { id: 'kycReviewedAt', label: 'clients.col.kycReviewedAt', sortField: 'kycReviewedAt' },
  { id: 'nextMeeting', label: 'clients.col.nextMeeting' },
  { id: 'updatedAt', label: 'clients.col.updatedAt', sortField: 'updatedAt' },
];

/** One grid template shared by the header and every row, so columns line up without a <table>; the name column
 * leaves room for the client id beside the name. */
export const CLIENT_GRID_COLUMNS = 'minmax(240px, 2fr) minmax(90px, 1fr) 100px minmax(150px, 1fr) 128px 150px 112px';
export const CLIENT_ROW_HEIGHT = 36;
