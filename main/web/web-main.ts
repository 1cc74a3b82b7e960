import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkerBackend } from '../host/worker-backend';
import { startSessionLog } from '../log/session-log';
import { ensurePrivateFolder } from '../db/private-files';
import { DATABASE_FILE_NAME, resolveDataDir } from '../paths';
import { readSecret } from '../cli/secret-prompt';
import { DB_KEY_ENV, looksEncrypted } from '../db/store-cipher';
import { startWebServer } from './web-server';

const HELP = `Usage: npm run web [-- --port N] [--data DIR] [--session-idle-minutes M]

Serves Advisor Desk to a browser on this computer only (127.0.0.1). Each printed address opens the app
once; when one is opened, the next one is printed (for another browser, or after a session ended).
  --port N                   port to listen on (default: a free one)
  --data DIR                 data folder (default: ADVISOR_DESK_DATA or the app's own folder)
  --session-idle-minutes M   a browser session with no page open for this long ends (default: 720, 12 hours)

An encrypted database (advisor-desk store encrypt) opens with the key in ADVISOR_DESK_DB_KEY, else the key typed
here when asked.
`;

/** The next one-time address, printed each time one is opened. */
function printNextAddress(next: string): void {
  process.stdout.write(
    `Advisor Desk (browser mode) opened in a browser. For another browser, or after a session ended, the next address: ${next}\n`,
  );
}

/**
 * The key of an encrypted store: $ADVISOR_DESK_DB_KEY, else typed on this terminal. Taken out of the environment once
 * read, so the language engine's processes, which inherit it, never carry it.
 */
async function storeKey(dataDir: string): Promise<string | undefined> {
  const fromEnv = process.env[DB_KEY_ENV];
  delete process.env[DB_KEY_ENV];
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (looksEncrypted(file) && process.stdin.isTTY)
    return readSecret(`Key for ${file}: `, { input: process.stdin, output: process.stderr });
  return undefined;
}

async function openAndServe(dataDir: string, rendererDir: string, port: number, sessionIdleMs: number) {
  const databaseKey = await storeKey(dataDir);
  // The store, the use-cases and model training run in a worker thread: this thread serves files and the socket only.
  const backend = await startWorkerBackend(new URL('./backend-worker.mjs', import.meta.url), {
    dataDir,
    mode: 'browser',
    auditChecks: true,
    ...(databaseKey !== undefined ? { databaseKey } : {}),
  });
  return {
    backend,
    server: await startWebServer({ backend, rendererDir, port, sessionIdleMs, onAddressUsed: printNextAddress }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      'session-idle-minutes': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const idleMinutes = Number(values['session-idle-minutes'] ?? 720);
  if (!Number.isInteger(idleMinutes) || idleMinutes < 1)
    throw new Error(
      `--session-idle-minutes must be a whole number of at least 1, got "${values['session-idle-minutes']}"`,
    );

  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(`the renderer is not built (${rendererDir} has no index.html). Run \`npm run build\`.`);

  const dataDir = values.data ? path.resolve(values.data) : resolveDataDir();
  ensurePrivateFolder(dataDir);
  const session = startSessionLog({ dataDir, mode: 'browser' });
  const { backend, server } = await openAndServe(dataDir, rendererDir, port, idleMinutes * 60_000).catch(
    (error: unknown) => {
      session.failed(error);
      throw error;
    },
  );
  session.ready();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await backend.close();
    session.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  process.stdout.write(`Advisor Desk (browser mode) data: ${dataDir}\n`);
  process.stdout.write(`Advisor Desk (browser mode) is ready: ${server.url}\n`);
  process.stdout.write('This address opens the app once; reloads and more tabs keep working after that.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`advisor-desk web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
