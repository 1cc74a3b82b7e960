import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * SHA-256 of model files, streamed (files are hundreds of MB to several GB) and remembered by path, size
 * and modification time in a small JSON file in the data folder, so listing the Models page again costs nothing and
 * a replaced file is hashed afresh. A JSON sidecar rather than a table: model files live outside the database, the
 * CLI reads them without one, and losing the cache only costs a re-hash.
 */

export const HASH_CACHE_FILE = 'model-hashes.json';

interface CacheEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class ModelHashCache {
  private writes: Promise<void> = Promise.resolve();
  /** How many files were actually read; tests use it to prove the cache is used. */
  hashedFiles = 0;

  constructor(private readonly dataDir: string) {}

  private get file(): string {
    return path.join(this.dataDir, HASH_CACHE_FILE);
  }

  private async read(): Promise<CacheFile> {
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object')
        return { version: 1, entries: parsed.entries };
    } catch {
      // Missing or damaged: start afresh; the hashes are recomputed on demand.
    }
    return { version: 1, entries: {} };
  }

  /** The cached hash when size and modification time still match; null otherwise. */
  async cached(filePath: string): Promise<string | null> {
    const key = path.resolve(filePath);
    const stat = await fs.stat(key);
    const entry = (await this.read()).entries[key];
    return entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry.sha256 : null;
  }

  async hash(filePath: string): Promise<string> {
    const key = path.resolve(filePath);
    const known = await this.cached(key);
    if (known) return known;
    const before = await fs.stat(key);
    const sha256 = await sha256OfFile(key);
    this.hashedFiles++;
    const after = await fs.stat(key);
    // A file still being written is hashed but not remembered.
    if (after.size === before.size && after.mtimeMs === before.mtimeMs)
      await this.remember(key, { size: after.size, mtimeMs: after.mtimeMs, sha256 });
    return sha256;
  }

  async remember(filePath: string, entry: CacheEntry): Promise<void> {
    const key = path.resolve(filePath);
    const write = this.writes.then(async () => {
      const cache = await this.read();
      cache.entries[key] = entry;
      await fs.mkdir(this.dataDir, { recursive: true });
      const temporary = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      await fs.writeFile(temporary, JSON.stringify(cache, null, 1));
      await fs.rename(temporary, this.file);
    });
    this.writes = write.catch(() => undefined);
    await write;
  }
}
