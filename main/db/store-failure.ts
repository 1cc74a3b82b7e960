import path from 'node:path';
import { DomainError } from '../../app/domain/domain-error';
import { message, renderMessage } from '../../app/messages';

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** SQLite's extended codes share the primary code's prefix (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …). */
const isCode = (code: string, primary: string) => code === primary || code.startsWith(`${primary}_`);

/** Another connection holds the lock this one waited for. */
export function isBusyError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (isCode(code, 'SQLITE_BUSY') || isCode(code, 'SQLITE_LOCKED'));
}

/**
 * What a driver failure of the store means to the person who asked: another writer held the file too long, the disk
 * is full, the file is read-only, the disk failed. Each of these is a refusal with nothing saved (the write's
 * transaction rolled back), not an internal fault of the app. Anything else stays as it was thrown.
 */
export function storeFailure(error: unknown, databasePath: string, busyWaitMs: number): DomainError | null {
  const code = codeOf(error);
  if (code === undefined || !code.startsWith('SQLITE_')) return null;
  const text = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]) =>
    renderMessage(message(key, params), 'en');
  if (isBusyError(error))
    return new DomainError('busy', text('store.busy', { seconds: Math.round(busyWaitMs / 1000) }));
  if (isCode(code, 'SQLITE_FULL')) return new DomainError('unavailable', text('store.full'));
  if (isCode(code, 'SQLITE_READONLY') || isCode(code, 'SQLITE_CANTOPEN'))
    return new DomainError('unavailable', text('store.readOnly', { file: path.basename(databasePath) }));
  if (isCode(code, 'SQLITE_IOERR')) return new DomainError('unavailable', text('store.ioError'));
  return null;
}
