import type { AdviceRecord } from '../../app/records/advice-record';
import { correctionPdf, presentedRankingPdf } from './presentation-report';
import { suitabilityReportPdf } from './suitability-report';

/** The file an export names a record's report: its id, kept to characters every file system accepts. */
export function reportFileName(recordId: string): string {
  return `${recordId.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

/** The readable report of any advice record: a pitch's suitability report, a presented ranking, a correction. */
export function adviceRecordPdf(record: AdviceRecord, contentHash: string): Buffer {
  switch (record.kind) {
    case 'pitch-approved':
      return suitabilityReportPdf(record, contentHash);
    case 'ranking-presented':
      return presentedRankingPdf(record, contentHash);
    case 'correction':
      return correctionPdf(record, contentHash);
  }
}

/**
 * One report per record, written one at a time so an export of a long period never holds more than one document in
 * memory.
 */
export function* recordReportFiles(
  records: Iterable<{ contentHash: string; record: AdviceRecord }>,
): Generator<{ name: string; body: Buffer }> {
  for (const { contentHash, record } of records)
    yield { name: reportFileName(record.id), body: adviceRecordPdf(record, contentHash) };
}
