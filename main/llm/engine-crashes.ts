import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Model files that killed the language engine, remembered in the data folder so that the Models page, a start-up
 * listing or a load does not hand the same file to llama.cpp again (each try would kill the engine again). A file is
 * known by its path, size and modification time: replacing it clears the mark. A JSON sidecar like the hash cache,
 * written whole through a temporary file, 0600.
 */

export const ENGINE_CRASHES_FILE = 'engine-crashes.json';

export interface EngineCrash {
  /** How the engine ended: "killed by SIGABRT", "exit code 134". */
  how: string;
  /** What it was doing: 'inspect' or 'load'. */
  during: 'inspect' | 'load';
  at: string;
}

interface Entry extends EngineCrash {
  size: number;
  mtimeMs: number;
}

interface CrashFile {
  version: 1;
  entries: Record<string, Entry>;
}

export class EngineCrashes {
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get file(): string {
    return path.join(this.dataDir, ENGINE_CRASHES_FILE);
  }

  private async read(): Promise<CrashFile> {
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<CrashFile>;
      if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object')
        return { version: 1, entries: parsed.entries };
    } catch {
      // Missing or unreadable: nothing is remembered, which only costs one more crash.
    }
    return { version: 1, entries: {} };
  }

  /** The crash recorded for this file as it is now, or null (never crashed, or replaced since). */
  async of(filePath: string): Promise<EngineCrash | null> {
    const key = path.resolve(filePath);
    const entry = (await this.read()).entries[key];
    if (!entry) return null;
    try {
      const stat = await fs.stat(key);
      if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return null;
    } catch {
      return null;
    }
    return { how: entry.how, during: entry.during, at: entry.at };
  }

  async record(filePath: string, crash: Omit<EngineCrash, 'at'>): Promise<void> {
    const key = path.resolve(filePath);
    const write = this.writes.then(async () => {
      const stat = await fs.stat(key).catch(() => null);
      if (!stat) return;
      const data = await this.read();
      data.entries[key] = { ...crash, at: this.now().toISOString(), size: stat.size, mtimeMs: stat.mtimeMs };
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      const temporary = `${this.file}.tmp-${process.pid}`;
      await fs.writeFile(temporary, JSON.stringify(data, null, 1), { mode: 0o600 });
      await fs.rename(temporary, this.file);
    });
    this.writes = write.catch(() => undefined);
    await write;
  }
}
