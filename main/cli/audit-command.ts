import fs from 'node:fs';
import { renderMessage } from '../../app/messages';
import { verifyAuditChain } from '../db/audit-verify';
import { openStore } from '../db/open-store';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { cliLanguage } from './cli-language';
import { storeKeyFor } from './cli-store-key';

export const AUDIT_USAGE = 'advisor-desk audit verify [--json] [--lang en|zh-CN]';

/**
 * `audit verify`: checks every entry's seal, the anchor kept beside the database and every sealed record against
 * its seal, and lists each problem found. Exit 8 when anything was tampered with, so a scheduled check can alert.
 */
export async function runAuditVerify(
  io: CliIo,
  request: {
    sub: string | undefined;
    rest: readonly string[];
    dbPath: string;
    json: boolean;
    lang?: string | undefined;
  },
): Promise<void> {
  if (request.sub !== 'verify') throw usageError(`Usage: ${AUDIT_USAGE}`);
  if (request.rest.length > 0) throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${AUDIT_USAGE}`);
  const language = cliLanguage(request.lang);
  if (!fs.existsSync(request.dbPath))
    throw new CliError(
      EXIT.database,
      `No database at ${request.dbPath}. Run \`advisor-desk seed --db ${request.dbPath}\` first.`,
    );
  const { db } = openStore(request.dbPath, { key: await storeKeyFor(io, request.dbPath) });
  let verdict;
  try {
    verdict = verifyAuditChain(db);
  } finally {
    db.close();
  }
  const problems = verdict.problems.map(({ message, ...where }) => ({
    ...where,
    message: renderMessage(message, language),
  }));
  if (request.json) io.stdout(`${JSON.stringify({ ok: verdict.ok, entries: verdict.entries, problems })}\n`);
  else if (verdict.ok)
    io.stdout(`Audit trail: ${verdict.entries} entries, sealed and anchored; every sealed record matches its seal.\n`);
  else
    io.stdout(
      `Audit trail: ${verdict.entries} entries; ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  - ${p.message}\n`)
        .join('')}`,
    );
  if (!verdict.ok)
    throw new CliError(EXIT.tampered, `the audit trail of ${request.dbPath} shows tampering (listed above).`);
}
