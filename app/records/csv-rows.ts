import type { AdviceRecord } from './advice-record';

/** The columns of an advice-record CSV export: one row per product a record names, with its role in the advice. */
export const ADVICE_CSV_HEADER = [
  'record_id',
  'record_kind',
  'created_at',
  'client_id',
  'client_name',
  'risk_class',
  'product_role',
  'product_id',
  'product_name_en',
  'product_name_zh',
  'risk_grade',
  'suitable',
  'suitability_reasons',
  'deviation',
  'ranking_position',
  'probability',
  'advisor',
  'approver',
  'language',
  'approved_version',
  'changed_fields',
  'content_hash',
] as const;

export type CsvCellValue = string | number | boolean | null;

/** How a product figures in a record: the one pitched, one recommended in a ranking, or one ruled out. */
export type ProductRole = 'pitched' | 'recommended' | 'rejected';

interface ProductLike {
  id: string;
  nameEn?: string;
  nameZh?: string;
  riskGrade?: string;
}
interface ReasonLike {
  ruleId?: string;
  passed?: boolean;
  text?: { en?: string } | string;
}
interface SuitabilityLike {
  suitable?: boolean;
  reasons?: ReasonLike[];
}
/** One product of a record that lists many (a ranking presented): the product and how it stood. */
export interface RecordProductEntry {
  product: ProductLike;
  role: ProductRole;
  suitability: SuitabilityLike | null;
  position: number | null;
  probability: number | null;
  reasons?: ReasonLike[];
}

interface ClientLike {
  id: string;
  displayName?: string;
  riskClass?: string | null;
}

/** The reasons a product failed its checks, or all of them when it passed: what a reader of one row needs. */
function reasonsCell(suitability: SuitabilityLike | null, extra: ReasonLike[] = []): string {
  const reasons = suitability?.reasons ?? [];
  const failed = reasons.filter((r) => r.passed === false);
  const shown = [...(failed.length > 0 ? failed : reasons), ...extra];
  return shown.map((r) => (typeof r.text === 'string' ? r.text : (r.text?.en ?? r.ruleId ?? ''))).join(' | ');
}

function rowOf(
  record: { id: string; kind: string; createdAt: string; advisor: string; approver?: string | null },
  hash: string,
  client: ClientLike,
  entry: Omit<RecordProductEntry, 'reasons'> & { reasons?: ReasonLike[] },
  more: { deviation: boolean; language: string | null; version: number | null; changed: string },
): CsvCellValue[] {
  return [
    record.id,
    record.kind,
    record.createdAt,
    client.id,
    client.displayName ?? '',
    client.riskClass ?? '',
    entry.role,
    entry.product.id,
    entry.product.nameEn ?? '',
    entry.product.nameZh ?? '',
    entry.product.riskGrade ?? '',
    entry.suitability?.suitable ?? null,
    reasonsCell(entry.suitability, entry.reasons),
    more.deviation,
    entry.position,
    entry.probability,
    record.advisor,
    record.approver ?? '',
    more.language ?? '',
    more.version,
    more.changed,
    hash,
  ];
}

/**
 * The CSV rows of one record: one per product it names, each with its role (pitched, recommended, rejected) and its
 * suitability result and reasons. A pitch approval names the pitched product; a record listing `products` (a ranking
 * presented) gives one row each. A kind this function does not know is refused rather than written half.
 */
export function csvRowsOf(record: AdviceRecord | { kind: string }, contentHash: string): CsvCellValue[][] {
  const kind = record.kind;
  switch (kind) {
    case 'pitch-approved': {
      const r = record as AdviceRecord;
      const client = r.client as unknown as ClientLike;
      return [
        rowOf(
          r,
          contentHash,
          client,
          {
            product: r.product,
            role: 'pitched',
            suitability: r.suitability,
            position: r.ranking?.position ?? null,
            probability: r.ranking?.probability ?? null,
          },
          {
            deviation: r.deviation !== null,
            language: r.pitch.language,
            version: r.pitch.approvedVersion,
            changed: r.pitch.changes.map((c) => c.field).join(' '),
          },
        ),
      ];
    }
    case 'ranking-presented': {
      const r = record as unknown as {
        id: string;
        kind: string;
        createdAt: string;
        advisor: string;
        approver?: string | null;
        client: ClientLike;
        deviation?: unknown;
        products: RecordProductEntry[];
      };
      const more = { deviation: (r.deviation ?? null) !== null, language: null, version: null, changed: '' };
      return r.products.map((p) => rowOf(r, contentHash, r.client, p, more));
    }
    default:
      throw new Error(`Advice records of kind "${kind}" have no CSV layout yet.`);
  }
}
