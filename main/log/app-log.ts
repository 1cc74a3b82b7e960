import fs from 'node:fs';
import path from 'node:path';

/**
 * The support log: `logs/advisor-desk.log` in the data folder, one plain-text line per event,
 *
 *   2026-12-02T13:09:03.123Z INFO [web] ready after 812 ms
 *
 * (ISO time in UTC, INFO, WARN or ERROR, the component in brackets, the message). A file that would grow past
 * `maxBytes` is renamed to `.1` (`.1` to `.2`, and so on) and a new one begun; `keep` files are kept in all.
 *
 * Advisors send this file to support, so it must never hold client data: callers write only the app's version and
 * mode, start and stop, timings, counts, error classes, channel names and model file names, never a name, id,
 * note, prompt, payload or error message. Writing never throws: on a full disk or a read-only folder the line is lost.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLog {
  readonly file: string;
  write(level: LogLevel, component: string, message: string): void;
  info(component: string, message: string): void;
  warn(component: string, message: string): void;
  error(component: string, message: string): void;
}

export interface AppLogOptions {
  /** The data folder; the log goes in its `logs` folder. */
  dataDir: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

export const LOG_FOLDER_NAME = 'logs';
export const LOG_FILE_NAME = 'advisor-desk.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 3;
const MAX_MESSAGE_CHARS = 500;

// A line is one line: control characters (a newline in particular) would let a message forge other entries.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

function oneLine(text: string, limit: number): string {
  const flat = text.replace(CONTROL_CHARACTERS, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/** Renames the log to .1, .1 to .2 and so on, dropping the oldest, so `keep` files remain with the new one. */
function rotate(file: string, keep: number): void {
  fs.rmSync(`${file}.${keep - 1}`, { force: true });
  for (let n = keep - 2; n >= 1; n--)
    if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  if (keep > 1) fs.renameSync(file, `${file}.1`);
  else fs.rmSync(file, { force: true });
}

export function openAppLog(options: AppLogOptions): AppLog {
  const dir = path.join(options.dataDir, LOG_FOLDER_NAME);
  const file = path.join(dir, LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  const now = options.now ?? (() => new Date());
  let folderReady = false;

  const ensureFolder = (): void => {
    if (folderReady) return;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A folder made by an older version or by hand may be wider; only its owner needs it.
    if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
    folderReady = true;
  };

  const write = (level: LogLevel, component: string, message: string): void => {
    const line = `${now().toISOString()} ${level.toUpperCase()} [${oneLine(component, 40)}] ${oneLine(message, MAX_MESSAGE_CHARS)}\n`;
    try {
      ensureFolder();
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate(file, keep);
      fs.appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Support logging must never take the app down: a full disk or a read-only folder loses the line, nothing more.
    }
  };

  return {
    file,
    write,
    info: (component, message) => write('info', component, message),
    warn: (component, message) => write('warn', component, message),
    error: (component, message) => write('error', component, message),
  };
}

/** Until a process opens its log (the CLI never does), lines go nowhere. */
const silentLog: AppLog = { file: '', write: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let current: AppLog = silentLog;

/** The log this process writes to, for code that is not handed one (the internal-error sink). */
export function currentAppLog(): AppLog {
  return current;
}

/** Makes `log` the process's log; null goes back to writing nowhere (tests). */
export function setCurrentAppLog(log: AppLog | null): void {
  current = log ?? silentLog;
}

/**
 * The class of an error and, for errors that carry one, its upper-case code (SQLITE_BUSY, ENOSPC): enough for
 * support to tell failures apart. The message is left out, since it may quote client data.
 */
export function errorClass(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const name = oneLine(error.name || error.constructor.name || 'Error', 60);
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? `${name} (${code})` : name;
}
