import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BackendConnection } from '../host/backend-connection';
import { BackendOpenError, startWorkerBackend } from '../host/worker-backend';
import { CliError, EXIT, type CliIo } from './cli-io';
import { storeKeyFor } from './cli-store-key';

/**
 * The backend's worker entry: beside this bundle (dist/main/cli.mjs and backend-worker.mjs), or, when the commands
 * run from source (the tests), the built one under dist/main of the checkout.
 */
function backendWorkerFile(): URL {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'backend-worker.mjs');
  if (fs.existsSync(beside)) return pathToFileURL(beside);
  const built = path.resolve(here, '..', '..', 'dist', 'main', 'backend-worker.mjs');
  if (fs.existsSync(built)) return pathToFileURL(built);
  throw new CliError(
    EXIT.other,
    `The backend worker is not built (looked for ${beside} and ${built}); run npm run build.`,
  );
}

/**
 * Opens the database in a worker thread, as browser mode does: SQL, training and ranking run there, so this thread
 * stays free to answer Ctrl-C and to print progress while a long command works. A database that is missing (when
 * it must exist), damaged or from a newer version ends the command with exit 4; an encrypted one without its key, exit 7.
 */
export async function openCliBackend(
  io: CliIo,
  dbPath: string,
  mustExist: boolean,
  user?: string,
): Promise<BackendConnection> {
  if (mustExist && !fs.existsSync(dbPath))
    throw new CliError(EXIT.database, `No database at ${dbPath}. Run \`advisor-desk seed --db ${dbPath}\` first.`);
  const databaseKey = await storeKeyFor(io, dbPath);
  try {
    return await startWorkerBackend(backendWorkerFile(), {
      ...(databaseKey !== undefined ? { databaseKey } : {}),
      dataDir: path.dirname(dbPath),
      databasePath: dbPath,
      mode: 'browser',
      seedDemoIfEmpty: false,
      // `seed` and `reset` give the plain demo book: the months of advice history are the app's (a second or more).
      demoHistory: false,
      supportLog: false,
      // Every change a command makes is recorded under this user: the one named, else the first active administrator.
      user: user ?? { firstActiveAdministrator: true },
      ...(io.now ? { fixedNow: io.now().toISOString() } : {}),
    });
  } catch (error) {
    if (error instanceof BackendOpenError && error.kind === 'database-key') throw new CliError(EXIT.key, error.message);
    if (error instanceof BackendOpenError && error.kind === 'unknown-user')
      throw new CliError(EXIT.notFound, error.message);
    if (error instanceof BackendOpenError && error.kind !== 'other') throw new CliError(EXIT.database, error.message);
    throw error;
  }
}
