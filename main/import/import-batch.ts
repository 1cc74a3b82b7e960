import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../db/audit-log';
import type { Db } from '../db/connection';

/**
 * One audit entry per import of holdings, market days, interactions or outcome events, naming the file by its
 * SHA-256 so what was loaded can be proven later. Rows are not audited one by one: they are history, not
 * records anyone edits, and 100,000 chained entries would multiply the import's time for no extra evidence.
 */
export function auditImportBatch(
  db: Db,
  input: { file: string; kind: string; at: string; actor: string; summary: Record<string, unknown> },
): void {
  const sha256 = createHash('sha256').update(fs.readFileSync(input.file)).digest('hex');
  const name = path.basename(input.file);
  appendAudit(db, {
    at: input.at,
    actor: input.actor,
    entity: 'import',
    entityId: `${input.kind}:${name}@${input.at}`,
    action: `import-${input.kind}`,
    before: null,
    after: { file: name, sha256, ...input.summary },
  });
}

/** Runs `write` over `items` in chunks so a long write can report how far it has got. */
export function inChunks<T>(
  items: readonly T[],
  size: number,
  write: (chunk: readonly T[]) => void,
  progress?: (done: number) => void,
): void {
  for (let start = 0; start < items.length; start += size) {
    write(items.slice(start, start + size));
    progress?.(Math.min(items.length, start + size));
  }
}
