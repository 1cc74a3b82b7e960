import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportInternalError } from '../../../main/log/internal-errors';
import { LOG_FILE_NAME, LOG_FOLDER_NAME, openAppLog, setCurrentAppLog, type AppLog } from '../../../main/log/app-log';
import { startSessionLog } from '../../../main/log/session-log';

const LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (INFO|WARN|ERROR) \[[a-z-]+\] \S.*$/;

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-desk-log-'));
});
afterEach(() => {
  setCurrentAppLog(null);
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const logFile = () => path.join(dataDir, LOG_FOLDER_NAME, LOG_FILE_NAME);
const linesOf = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('the support log', () => {
  it('writes one line per event: ISO time, level, component, message', () => {
    const log = openAppLog({ dataDir, now: () => new Date('2026-12-02T13:09:03.123Z') });
    log.info('web', 'ready after 812 ms');
    log.warn('llm', 'model qwen2.5-0.5b-instruct-q8_0.gguf fell back to the CPU');
    log.error('dispatch', 'a message\nwith a forged\r\n2026-01-01T00:00:00.000Z INFO [web] line');
    expect(log.file).toBe(logFile());
    const lines = linesOf(logFile());
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toBe('2026-12-02T13:09:03.123Z INFO [web] ready after 812 ms');
    expect(lines[2]).toContain('ERROR [dispatch] a message with a forged');
  });

  it('keeps its folder to the owner (0700) and the file too (0600)', () => {
    if (process.platform === 'win32') return;
    openAppLog({ dataDir }).info('web', 'start');
    expect(fs.statSync(path.dirname(logFile())).mode & 0o777).toBe(0o700);
    expect(fs.statSync(logFile()).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size limit and keeps the newest files only', () => {
    const maxBytes = 300;
    const log = openAppLog({ dataDir, maxBytes, keep: 3 });
    for (let n = 0; n < 40; n++) log.info('web', `event ${String(n).padStart(2, '0')}`);
    const names = fs.readdirSync(path.dirname(logFile())).sort();
    expect(names).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const name of names)
      expect(fs.statSync(path.join(path.dirname(logFile()), name)).size).toBeLessThanOrEqual(maxBytes);
    // Oldest to newest, the kept lines run on without a gap and end with the last event.
    const kept = [`${logFile()}.2`, `${logFile()}.1`, logFile()].flatMap(linesOf).map((l) => Number(l.slice(-2)));
    expect(kept.at(-1)).toBe(39);
    expect(kept).toEqual(kept.map((_, i) => (kept[0] ?? 0) + i));
    expect(kept.length).toBeLessThan(40);
  });

  it('never throws where it cannot write: a file in place of the folder, a full disk', () => {
    const blocker = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const blocked = openAppLog({ dataDir: blocker });
    expect(() => blocked.error('web', 'start failed: Error')).not.toThrow();

    if (fs.existsSync('/dev/full')) {
      fs.mkdirSync(path.dirname(logFile()), { recursive: true });
      fs.symlinkSync('/dev/full', logFile());
      const full = openAppLog({ dataDir });
      expect(() => full.info('web', 'ready after 10 ms')).not.toThrow();
    }
  });
});

describe('internal errors in the support log', () => {
  let log: AppLog;
  beforeEach(() => {
    log = openAppLog({ dataDir });
    setCurrentAppLog(log);
    // The terminal still gets the message; keep it out of the test output.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  it('records the channel and the error class, never the message, which may quote a client', () => {
    reportInternalError('clients:update', new TypeError("Cannot read properties of Wang Wei's note"));
    const sqliteError = Object.assign(new Error('UNIQUE constraint failed for wang.wei@example.com'), {
      name: 'SqliteError',
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    reportInternalError('clients:create', sqliteError);
    reportInternalError('pitch:start', 'Wang Wei');
    const text = fs.readFileSync(log.file, 'utf8');
    const lines = linesOf(log.file);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toMatch(/ERROR \[dispatch\] clients:update failed: TypeError$/);
    expect(lines[1]).toMatch(/clients:create failed: SqliteError \(SQLITE_CONSTRAINT_UNIQUE\)$/);
    expect(lines[2]).toMatch(/pitch:start failed: string$/);
    expect(text).not.toMatch(/Wang|wang|example\.com|note/);
  });

  it('starts a session with the version and mode, not the data folder', () => {
    const session = startSessionLog({ dataDir, mode: 'browser' });
    session.ready();
    session.failed(new RangeError(`bad port for ${dataDir}`));
    session.stop();
    const lines = linesOf(session.log.file);
    expect(lines[0]).toMatch(/INFO \[web\] start: Advisor Desk \d+\.\d+\.\d+, browser mode, \w+-\w+, Node \d+/);
    expect(lines[1]).toMatch(/INFO \[web\] ready after \d+ ms$/);
    expect(lines[2]).toMatch(/ERROR \[web\] start failed: RangeError$/);
    expect(lines[3]).toMatch(/INFO \[web\] stop after \d+ s$/);
    expect(fs.readFileSync(session.log.file, 'utf8')).not.toContain(dataDir);
  });
});
