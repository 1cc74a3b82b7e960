import { appendAudit } from './audit-log';
import type { Db } from './connection';

/**
 * One audit entry per import of holdings, market days, interactions or outcome events, naming the file by its
 * SHA-256 so what was loaded can be proven later. Rows are not audited one by one: they are history, not
 * records anyone edits, and 100,000 chained entries would multiply the import's time for no extra evidence.
 */
export function auditImportBatch(
  db: Db,
  input: { file: string; sha256: string; kind: string; at: string; actor: string; summary: Record<string, unknown> },
): void {
  appendAudit(db, {
    at: input.at,
    actor: input.actor,
    entity: 'import',
    entityId: `${input.kind}:${input.file}@${input.at}`,
    action: `import-${input.kind}`,
    before: null,
    after: { file: input.file, sha256: input.sha256, ...input.summary },
  });
}
