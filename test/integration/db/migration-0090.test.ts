import { afterEach, describe, expect, it } from 'vitest';
import { wipeData } from '../../../main/db/data-maintenance';
import { countEmbeddings, readEmbeddings, writeEmbeddings } from '../../../main/db/embedding-cache-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { tempDb } from './temp-db';

const MODEL_A = 'a'.repeat(64);
const MODEL_B = 'b'.repeat(64);
const TEXT_1 = '1'.repeat(64);
const TEXT_2 = '2'.repeat(64);

describe('migration 0090 llm-embedding-cache', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds an empty cache to an existing database, keyed by model and text', () => {
    env = tempDb({ target: 80 });
    migrate(env.db, { target: 90 });
    expect(schemaVersion(env.db)).toBe(90);
    expect(countEmbeddings(env.db)).toBe(0);

    writeEmbeddings(env.db, [{ modelSha256: MODEL_A, textSha256: TEXT_1, vector: new Float32Array([0.5, -1.25, 3]) }]);
    expect([...readEmbeddings(env.db, MODEL_A, [TEXT_1, TEXT_2]).entries()]).toEqual([
      [TEXT_1, new Float32Array([0.5, -1.25, 3])],
    ]);
    // Another model's vector for the same text is not this model's.
    expect(readEmbeddings(env.db, MODEL_B, [TEXT_1]).size).toBe(0);
    // Writing again replaces rather than duplicating.
    writeEmbeddings(env.db, [{ modelSha256: MODEL_A, textSha256: TEXT_1, vector: new Float32Array([1, 2, 3]) }]);
    expect(countEmbeddings(env.db, MODEL_A)).toBe(1);
    expect(readEmbeddings(env.db, MODEL_A, [TEXT_1]).get(TEXT_1)).toEqual(new Float32Array([1, 2, 3]));
  });

  it('refuses keys that are not sha256 and vectors that are empty or not finite, by name', () => {
    env = tempDb();
    expect(() =>
      writeEmbeddings(env.db, [{ modelSha256: 'model.gguf', textSha256: TEXT_1, vector: new Float32Array([1]) }]),
    ).toThrow(/modelSha256 must be a lowercase sha256/);
    expect(() =>
      writeEmbeddings(env.db, [{ modelSha256: MODEL_A, textSha256: TEXT_1, vector: new Float32Array([]) }]),
    ).toThrow(/at least one dimension/);
    expect(() =>
      writeEmbeddings(env.db, [
        { modelSha256: MODEL_A, textSha256: TEXT_1, vector: new Float32Array([1, Number.NaN]) },
      ]),
    ).toThrow(/not a finite number/);
    expect(countEmbeddings(env.db)).toBe(0);
  });

  it('is emptied with the products when the data is wiped (the vectors are derived from their descriptions)', () => {
    env = tempDb();
    writeEmbeddings(env.db, [{ modelSha256: MODEL_A, textSha256: TEXT_1, vector: new Float32Array([1, 2]) }]);
    wipeData(env.db, { at: '2026-03-01T00:00:00.000Z', actor: 'test' });
    expect(countEmbeddings(env.db)).toBe(0);
  });
});
