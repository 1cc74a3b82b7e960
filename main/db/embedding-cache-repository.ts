import type { Db } from './connection';
import { cached } from './statement-cache';

/** One cached embedding: which model made it, of which exact text (both as sha256), and the vector. */
export interface CachedEmbedding {
  modelSha256: string;
  textSha256: string;
  vector: Float32Array;
}

const HEX64 = /^[0-9a-f]{64}$/;

function checkKey(name: string, value: string): void {
  if (!HEX64.test(value))
    throw new Error(`${name} must be a lowercase sha256 (64 hex digits), got "${value.slice(0, 80)}".`);
}

/** The cached vectors for these texts under this model; texts never embedded (or embedded by another model) are absent. */
export function readEmbeddings(db: Db, modelSha256: string, textSha256s: readonly string[]): Map<string, Float32Array> {
  checkKey('modelSha256', modelSha256);
  const found = new Map<string, Float32Array>();
  const stmt = cached(db, 'SELECT dimensions, vector FROM llm_embeddings WHERE model_sha256 = ? AND text_sha256 = ?');
  for (const textSha256 of textSha256s) {
    if (found.has(textSha256)) continue;
    const row = stmt.get(modelSha256, textSha256) as { dimensions: number; vector: Buffer } | undefined;
    if (!row) continue;
    if (row.vector.byteLength !== row.dimensions * 4) {
      throw new Error(
        `The cached embedding ${textSha256.slice(0, 12)}… is ${row.vector.byteLength} bytes for ${row.dimensions} dimensions: the database is damaged.`,
      );
    }
    // Copy out of the driver's buffer into an aligned array of our own.
    const vector = new Float32Array(row.dimensions);
    new Uint8Array(vector.buffer).set(row.vector);
    found.set(textSha256, vector);
  }
  return found;
}

/** Stores vectors (replacing any for the same model and text) in one transaction. */
export function writeEmbeddings(
  db: Db,
  entries: readonly CachedEmbedding[],
  at: string = new Date().toISOString(),
): void {
  const stmt = cached(
    db,
    'INSERT OR REPLACE INTO llm_embeddings (model_sha256, text_sha256, dimensions, vector, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const e of entries) {
      checkKey('modelSha256', e.modelSha256);
      checkKey('textSha256', e.textSha256);
      if (e.vector.length === 0) throw new Error('An embedding must have at least one dimension.');
      for (const v of e.vector)
        if (!Number.isFinite(v))
          throw new Error(`The embedding for ${e.textSha256.slice(0, 12)}… has a value that is not a finite number.`);
      stmt.run(
        e.modelSha256,
        e.textSha256,
        e.vector.length,
        Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength),
        at,
      );
    }
  })();
}

/** How many vectors are cached for a model (all models when omitted): for tests, the CLI and housekeeping. */
export function countEmbeddings(db: Db, modelSha256?: string): number {
  const row = modelSha256
    ? (cached(db, 'SELECT COUNT(*) AS n FROM llm_embeddings WHERE model_sha256 = ?').get(modelSha256) as { n: number })
    : (cached(db, 'SELECT COUNT(*) AS n FROM llm_embeddings').get() as { n: number });
  return row.n;
}
