import { runRecords } from './records-command';
import { runAnalytics } from './analytics-command';
import { storeFailure } from '../db/store-failure';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../app/domain/domain-error';
import type { ChannelOutput } from '../../app/contract/channels';
import type { Result } from '../../app/contract/result';
import { PRODUCT_FAMILIES, type ProductFamily } from '../../app/domain';
import type { BackendConnection } from '../host/backend-connection';
import { NotADatabaseError } from '../db/connection';
import { DatabaseTooNewError } from '../db/migrate';
import { resolveDatabasePath } from '../paths';
import { ImportRefusedError } from '../import/import-csv';
import { runAuditVerify } from './audit-command';
import { runExperiments } from './experiments-command';
import { openCliBackend } from './cli-backend';
import { helpFor } from './cli-help';
import { runImport } from './cli-import';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { printClient, printClientPage, printProducts, printSummary } from './cli-output';
import { EVALUATE_USAGE, runEvaluate } from './evaluate-command';
import { printRanking, RECOMMEND_USAGE, runTrain, TRAIN_USAGE } from './model-commands';
import { runModels } from './models-command';
import { DRAFT_USAGE, runDraft } from './draft-command';
import { PREPARE_USAGE, runPrepare } from './prepare-command';
import { runStore } from './store-command';
import { runOffPolicy } from './offpolicy-command';
import { StoreKeyError } from '../db/store-cipher';

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  search: { type: 'string' },
  limit: { type: 'string' },
  family: { type: 'string' },
  mapping: { type: 'string' },
  split: { type: 'string' },
  k: { type: 'string' },
  'predictions-out': { type: 'string' },
  'llm-clients': { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  decimal: { type: 'string' },
  client: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  advisor: { type: 'string' },
  format: { type: 'string' },
  top: { type: 'string' },
  out: { type: 'string' },
  'include-unreviewed': { type: 'boolean', default: false },
  'include-credit': { type: 'boolean', default: false },
  preset: { type: 'string' },
  type: { type: 'string' },
  plain: { type: 'boolean', default: false },
  pseudonymize: { type: 'boolean', default: false },
  'force-live': { type: 'boolean', default: false },
  context: { type: 'string' },
  seed: { type: 'string' },
  product: { type: 'string' },
  model: { type: 'string' },
  lora: { type: 'string' },
  'lora-scale': { type: 'string' },
  lang: { type: 'string' },
  user: { type: 'string' },
  tone: { type: 'string' },
  length: { type: 'string' },
  date: { type: 'string' },
  by: { type: 'string' },
  policy: { type: 'string' },
  outcome: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

function parse(argv: readonly string[]): Parsed {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

/** The user named with --user, else in $ADVISOR_DESK_USER; undefined: the store's first active administrator. */
let actingUser: string | undefined;

function openFor(io: CliIo, dbPath: string, mustExist: boolean): Promise<BackendConnection> {
  return openCliBackend(io, dbPath, mustExist, actingUser);
}

async function call<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value as T;
  if (r.error.code === 'not_found') throw new CliError(EXIT.notFound, r.error.message);
  if (r.error.code === 'bad_request' || r.error.code === 'validation') throw usageError(r.error.message);
  if (r.error.code === 'busy') throw new CliError(EXIT.busy, r.error.message);
  throw new CliError(EXIT.other, r.error.message);
}

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw usageError(`--${name} must be a whole number from 1 to ${max}, got "${value}".`);
  return n;
}

function noExtra(rest: readonly string[], usage: string): void {
  if (rest.length > 0) throw usageError(`Unexpected argument "${rest[0]}". Usage: ${usage}`);
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help || positionals.length === 0 || positionals[0] === 'help') {
    io.stdout(helpFor(positionals[0] === 'help' ? positionals[1] : positionals[0]));
    if (!values.help && positionals.length === 0)
      throw new CliError(EXIT.usage, 'No command given. See the usage above.');
    return;
  }
  const dbPath = resolveDatabasePath({ explicit: values.db, env: io.env as NodeJS.ProcessEnv });
  actingUser = values.user ?? (io.env.ADVISOR_DESK_USER || undefined);
  const [command, sub, ...rest] = positionals;
  const json = values.json;

  if (command === 'seed' || command === 'reset') {
    if (sub !== undefined) noExtra([sub, ...rest], `advisor-desk ${command}`);
    const backend = await openFor(io, dbPath, false);
    try {
      const summary = await call<ChannelOutput<'data:summary'>>(backend.invoke('data:summary', {}));
      if (command === 'seed' && (summary.clients > 0 || summary.products > 0) && !values.force) {
        throw new CliError(
          EXIT.other,
          `${dbPath} already holds ${summary.clients} clients and ${summary.products} products; use --force (or reset) to replace them.`,
        );
      }
      const after = await call<ChannelOutput<'data:reset-demo'>>(backend.invoke('data:reset-demo', {}));
      printSummary(io, after, dbPath, json);
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'clients' && sub === 'list') {
    noExtra(rest, 'advisor-desk clients list [--search Q] [--limit N]');
    const limit = positiveInt(values.limit, 'limit', 50, 1000);
    const backend = await openFor(io, dbPath, true);
    try {
      printClientPage(io, await call(backend.invoke('clients:list', { search: values.search ?? '', limit })), json);
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'clients' && sub === 'show') {
    const [id, ...extra] = rest;
    if (!id) throw usageError('Which client? Usage: advisor-desk clients show ID');
    noExtra(extra, 'advisor-desk clients show ID');
    const backend = await openFor(io, dbPath, true);
    try {
      printClient(io, await call(backend.invoke('clients:get', { id })), json);
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'products' && sub === 'list') {
    noExtra(rest, 'advisor-desk products list [--family F]');
    const family = values.family;
    if (family !== undefined && !(PRODUCT_FAMILIES as readonly string[]).includes(family)) {
      throw usageError(`--family must be one of ${PRODUCT_FAMILIES.join(', ')}, got "${family}".`);
    }
    const backend = await openFor(io, dbPath, true);
    try {
      printProducts(
        io,
        await call(backend.invoke('products:list', { family: (family as ProductFamily | undefined) ?? null })),
        json,
      );
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'import' || command === 'import-events') {
    return runImport(
      {
        command,
        positionals: positionals.slice(1),
        mapping: values.mapping,
        delimiter: values.delimiter,
        encoding: values.encoding,
        decimal: values.decimal,
        json,
        dbPath,
        user: actingUser,
      },
      io,
    );
  }

  if (command === 'evaluate') {
    noExtra(positionals.slice(1), EVALUATE_USAGE);
    await runEvaluate(io, {
      dbPath,
      json,
      split: values.split,
      k: values.k,
      predictionsOut: values['predictions-out'],
      model: values.model,
      llmClients: values['llm-clients'],
    });
    return;
  }

  if (command === 'models') {
    // Model files live beside the database, in the same data folder the app uses.
    return runModels(io, {
      sub,
      rest,
      dataDir: path.dirname(dbPath),
      json,
      lang: values.lang,
      out: values.out,
      preset: values.preset,
      type: values.type,
      plain: values.plain,
      context: values.context,
      seed: values.seed,
    });
  }

  if (command === 'analytics' && sub === 'offpolicy') {
    const { policy, from, to, outcome, lang } = values;
    return runOffPolicy(io, { rest, json, policy, from, to, outcome, lang, open: () => openFor(io, dbPath, true) });
  }

  if (command === 'store') {
    await runStore(io, { sub, rest, dbPath, json });
    return;
  }

  if (command === 'records') {
    await runRecords(io, {
      sub,
      rest,
      dbPath,
      json,
      from: values.from,
      to: values.to,
      client: values.client,
      advisor: values.advisor,
      format: values.format,
      out: values.out,
      pseudonymize: values.pseudonymize,
      includeUnreviewed: values['include-unreviewed'],
    });
    return;
  }

  if (command === 'analytics') {
    await runAnalytics(io, { sub, rest, dbPath, json, by: values.by, from: values.from, to: values.to });
    return;
  }

  if (command === 'experiments') {
    const backend = await openFor(io, dbPath, true);
    try {
      await runExperiments(io, backend, { sub, rest, json });
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'audit') {
    await runAuditVerify(io, { sub, rest, dbPath, json, lang: values.lang });
    return;
  }

  if (command === 'train') {
    noExtra(positionals.slice(1), TRAIN_USAGE);
    const backend = await openFor(io, dbPath, true);
    try {
      // A refusal to train (no outcomes, one class only, non-finite values) is about the data, not the command line.
      await runTrain(io, backend, { model: values.model, json, forceLive: values['force-live'] });
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'recommend') {
    noExtra(positionals.slice(1), RECOMMEND_USAGE);
    if (!values.client) throw usageError(`Which client? Usage: ${RECOMMEND_USAGE}`);
    const top = positiveInt(values.top, 'top', 10, 500);
    const backend = await openFor(io, dbPath, true);
    try {
      printRanking(
        io,
        await call(
          backend.invoke('recommendations:for-client', {
            clientId: values.client,
            top,
            shownOn: 'cli',
            includeCredit: values['include-credit'],
          }),
        ),
        json,
      );
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'draft') {
    noExtra(positionals.slice(1), DRAFT_USAGE);
    const backend = await openFor(io, dbPath, true);
    try {
      await runDraft(io, backend, {
        client: values.client,
        product: values.product,
        model: values.model,
        lora: values.lora,
        loraScale: values['lora-scale'],
        lang: values.lang,
        tone: values.tone,
        length: values.length,
        json,
      });
    } finally {
      await backend.close();
    }
    return;
  }

  if (command === 'prepare') {
    noExtra(positionals.slice(1), PREPARE_USAGE);
    const backend = await openFor(io, dbPath, true);
    try {
      await runPrepare(io, backend, {
        date: values.date,
        advisor: values.advisor,
        model: values.model,
        top: values.top,
        out: values.out,
        json,
      });
    } finally {
      await backend.close();
    }
    return;
  }

  throw usageError(`Unknown command "${positionals.join(' ')}". Run advisor-desk --help.`);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof StoreKeyError) return EXIT.key;
  if (error instanceof ImportRefusedError) return EXIT.inputRefused;
  if (error instanceof DomainError && error.code === 'busy') return EXIT.busy;
  if (error instanceof DomainError && error.code === 'cancelled') return EXIT.cancelled;
  if (error instanceof DatabaseTooNewError || error instanceof NotADatabaseError) return EXIT.database;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return EXIT.database;
  return EXIT.other;
}

/** Runs one command and returns its exit code; nothing here calls process.exit, so tests can run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return EXIT.ok;
  } catch (error) {
    // A full disk or a read-only file is said as such (nothing was saved), not in SQLite's own words.
    const store = storeFailure(error, 'the database file', 5000);
    const message = store ? store.message : error instanceof Error ? error.message : String(error);
    // An import refusal lists each problem on its own line; everything else is one line.
    io.stderr(`advisor-desk: ${error instanceof ImportRefusedError ? message : message.split('\n')[0]}\n`);
    return store?.code === 'busy' ? EXIT.busy : exitCodeFor(error);
  }
}
