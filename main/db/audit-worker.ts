import { parentPort, workerData } from 'node:worker_threads';
import { verifyAuditChain, type AuditVerification } from './audit-verify';
import { openDatabase, type OpenDatabaseOptions } from './connection';

/**
 * The audit check on its own connection in a worker thread, so a book of 100,000 clients (about 3 s of sealing
 * arithmetic) never holds up the backend's requests. Answers one verification, or the failure's message.
 */
export interface AuditWorkerInput {
  databasePath: string;
  open: OpenDatabaseOptions;
}

export type AuditWorkerOutput = { ok: true; verification: AuditVerification } | { ok: false; error: string };

const input = workerData as AuditWorkerInput;
let answer: AuditWorkerOutput;
try {
  const db = openDatabase(input.databasePath, input.open);
  try {
    answer = { ok: true, verification: verifyAuditChain(db) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(answer);
