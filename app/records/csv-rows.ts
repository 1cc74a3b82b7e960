import type { AdviceRecord, RecordedSuitability } from './advice-record';

/** The columns of an advice-record CSV export: one row per product a record names, with its role in the advice. */
export const ADVICE_CSV_HEADER = [
  'record_id',
  'kind',
  'created_at',
  'client_id',
  'client_name',
  'risk_class',
  'role',
  'product_id',
  'product_name_en',
  'product_name_zh',
  'risk_grade',
  'suitable',
  'failed_rules',
  'deviation',
  'ranking_position',
  'probability',
  'advisor',
  'approver',
  'language',
  'approved_version',
  'changed_fields',
  'corrects',
  'content_hash',
];

export type CsvCellValue = string | number | boolean | null;
type Cell = CsvCellValue;

/**
 * One CSV row per product a record speaks of: the pitched product of an approval; every recommended and every
 * rejected product of a presented ranking; a correction has one row naming the record it corrects.
 */
export function csvRowsOf(hash: string, r: AdviceRecord): Cell[][] {
  const client = r.client as { id: string; displayName?: string; riskClass?: string | null };
  const head = (role: string): Cell[] => [
    r.id,
    r.kind,
    r.createdAt,
    client.id,
    client.displayName ?? '',
    client.riskClass ?? '',
    role,
  ];
  const tail = (language: string | null, version: number | null, changed: string, corrects: string | null): Cell[] => [
    r.advisor,
    r.approver,
    language,
    version,
    changed,
    corrects,
    hash,
  ];
  const failed = (s: RecordedSuitability) =>
    s.reasons
      .filter((x) => !x.passed)
      .map((x) => x.ruleId)
      .join(' ');
  switch (r.kind) {
    case 'pitch-approved':
      return [
        [
          ...head('pitched'),
          r.product.id,
          r.product.nameEn,
          r.product.nameZh,
          r.product.riskGrade,
          r.suitability.suitable,
          failed(r.suitability),
          r.deviation !== null,
          r.ranking?.position ?? null,
          r.ranking?.probability ?? null,
          ...tail(r.pitch.language, r.pitch.approvedVersion, r.pitch.changes.map((c) => c.field).join(' '), null),
        ],
      ];
    case 'ranking-presented':
      return r.products.map((p) => [
        ...head(p.role),
        p.product.id,
        p.product.nameEn,
        p.product.nameZh,
        p.product.riskGrade,
        p.suitability.suitable,
        failed(p.suitability),
        p.suitability.deviationApplied,
        p.position,
        p.probability,
        ...tail(null, null, '', null),
      ]);
    case 'correction':
      return [
        [
          ...head('correction'),
          null,
          null,
          null,
          null,
          null,
          '',
          null,
          null,
          null,
          ...tail(null, null, '', r.corrects.id),
        ],
      ];
    default: {
      const unknown: never = r;
      throw new Error(`No CSV layout for advice records of kind ${(unknown as { kind: string }).kind}.`);
    }
  }
}
