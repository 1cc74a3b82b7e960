import fs from 'node:fs';
import { DomainError } from '../../app/domain/domain-error';
import { message, renderMessage } from '../../app/messages';
import { looksEncrypted, StoreKeyError } from '../db/store-cipher';
import { convertStore } from '../db/store-conversion';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { currentKey, DB_KEY_ENV, DB_NEW_KEY_ENV, newKey } from './cli-store-key';

export const STORE_USAGE = 'advisor-desk store status|encrypt|decrypt|rekey';

const text = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]) =>
  renderMessage(message(key, params), 'en');

/** A refusal of the conversion, as the exit code a script can act on. */
function asCliError(error: unknown): unknown {
  if (!(error instanceof DomainError) || error instanceof StoreKeyError) return error;
  if (error.code === 'validation') return usageError(error.message);
  if (error.code === 'busy') return new CliError(EXIT.busy, error.message);
  if (error.code === 'unavailable') return new CliError(EXIT.database, error.message);
  return new CliError(EXIT.other, error.message);
}

/**
 * `advisor-desk store …`: whether the store is encrypted, and turning encryption on, off or to a new key. Each
 * conversion writes a checked copy and renames it over the store, so a failure leaves the store as it was.
 */
export async function runStore(
  io: CliIo,
  request: { sub: string | undefined; rest: readonly string[]; dbPath: string; json: boolean },
): Promise<void> {
  const { sub, rest, dbPath, json } = request;
  if (!sub || !['status', 'encrypt', 'decrypt', 'rekey'].includes(sub))
    throw usageError(`What to do with the store? Usage: ${STORE_USAGE}`);
  if (rest.length > 0) throw usageError(`Unexpected argument "${rest[0]}". Usage: ${STORE_USAGE}`);
  if (!fs.existsSync(dbPath))
    throw new CliError(EXIT.database, `No database at ${dbPath}. Run \`advisor-desk seed --db ${dbPath}\` first.`);
  const encrypted = looksEncrypted(dbPath);

  if (sub === 'status') {
    io.stdout(
      json
        ? `${JSON.stringify({ path: dbPath, encrypted })}\n`
        : `${dbPath} is ${encrypted ? 'encrypted (SQLCipher 4 format)' : 'not encrypted'}.\n`,
    );
    return;
  }
  // Said before any key is asked for: typing a key twice to hear "already encrypted" would be a poor answer.
  if (sub === 'encrypt' && encrypted) throw new CliError(EXIT.other, text('store.alreadyEncrypted', { file: dbPath }));
  if (sub !== 'encrypt' && !encrypted) throw new CliError(EXIT.other, text('store.notEncrypted', { file: dbPath }));

  const from = sub === 'encrypt' ? null : await currentKey(io, dbPath);
  const to = sub === 'decrypt' ? null : await newKey(io, dbPath, sub === 'encrypt' ? DB_KEY_ENV : DB_NEW_KEY_ENV);
  let result;
  try {
    result = convertStore(dbPath, { from, to });
  } catch (error) {
    throw asCliError(error);
  }
  const done = { encrypt: 'Encrypted', decrypt: 'Decrypted', rekey: 'Re-keyed' }[
    sub as 'encrypt' | 'decrypt' | 'rekey'
  ];
  const after =
    sub === 'decrypt'
      ? 'It opens without a key now.'
      : `Open it with ${sub === 'rekey' ? 'the new key' : 'this key'} (${DB_KEY_ENV}, or typed when asked); without the key nobody, this app included, can read it.`;
  io.stdout(
    json
      ? `${JSON.stringify({ path: dbPath, encrypted: to !== null, tables: result.tables, rows: result.rows })}\n`
      : `${done} ${dbPath} (${result.rows.toLocaleString('en-US')} rows in ${result.tables} tables, checked). ${after}\n`,
  );
}
