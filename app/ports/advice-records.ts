import type { Client, Product } from '../domain';
import type { AdviceRecord } from '../records/advice-record';
import type { SuitabilityResult } from '../suitability';

export interface StoredRecord {
  record: AdviceRecord;
  contentHash: string;
  intact: boolean;
}

/** Advice records as the store keeps them: added with their audit entry in one transaction, never changed. */
export interface AdviceRecordStore {
  /** Stores the record and its audit entry together; returns the record's content hash. */
  add(record: AdviceRecord, audit: { actor: string; action: string }): string;
  get(id: string): StoredRecord | null;
  /** The presented-ranking record already made for an impression. */
  forImpression(impressionId: string): string | null;
}

/** Suitability of products for a client under the rules and deviations that hold now. */
export type VerdictsNow = (client: Client, products: readonly Product[]) => Map<string, SuitabilityResult>;
