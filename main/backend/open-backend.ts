import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Channel } from '../../app/contract/channels';
import type { HandlerTable } from '../../app/contract/dispatch';
import { assertAllowed } from '../../app/users/permissions';
import type { EventSink } from '../../app/ports';
import { createBookDataUseCases } from '../../app/use-cases/book-data';
import { openStore } from '../db/open-store';
import { sqliteStores } from '../db/sqlite-stores';
import { storeFailure } from '../db/store-failure';
import { ensureFirstUser } from '../db/user-repository';
import { AuditMonitor } from './audit-monitor';
import { EngineClient } from '../engine/engine-client';
import { forkEngine } from '../engine/fork-engine';
import { LanguageEngine } from '../engine/language-engine';
import { EngineCrashes } from '../llm/engine-crashes';
import { LlamaEngine } from '../engine/llama-engine';
import { ModelHashCache } from '../llm/model-hash';
import { DATABASE_FILE_NAME } from '../paths';
import type { BackendContext } from './backend-context';
import type { Backend, BackendOptions, EventListener } from './backend-types';
import { bookHandlers } from './book-handlers';
import { clientHandlers } from './client-handlers';
import { deviationHandlers } from './deviation-handlers';
import { engineHandlers } from './engine-handlers';
import { llmHandlers } from './llm-handlers';
import { pdfHandlers } from './pdf-handlers';
import { pitchHandlers } from './pitch-handlers';
import { preparationHandlers } from './preparation-handlers';
import { recordHandlers } from './record-handlers';
import { seedDemoHistory } from './demo-history';
import { recordExportHandlers } from './record-export-handlers';
import { ruleSetHandlers } from './rule-set-handlers';
import { experimentHandlers } from './experiment-handlers';
import { offPolicyHandlers } from './off-policy-handlers';
import { DeskSession } from './desk-session';
import { userHandlers } from './user-handlers';
import { reviewScoreHandlers } from './review-score-handlers';
import { meetingHandlers } from './meeting-handlers';
import { analyticsHandlers } from './analytics-handlers';

/**
 * Opens the store (creating and migrating it), seeds the demo book on a brand-new empty file,
 * and returns the handler table every transport dispatches to. A wiped database stays empty across restarts.
 */
export function openBackend(options: BackendOptions): Backend {
  const databasePath = path.resolve(options.databasePath ?? path.join(options.dataDir, DATABASE_FILE_NAME));
  const { db, created } = openStore(databasePath, {
    nativeBinding: options.nativeBinding,
    cipherBinding: options.cipherBinding,
    key: options.databaseKey,
  });
  const now = options.now ?? (() => new Date());
  const listeners = new Set<EventListener>();
  const hashes = new ModelHashCache(options.dataDir);
  const choice = options.languageEngine ?? 'process';
  const engine =
    choice === 'in-process'
      ? new LlamaEngine({ hashOf: (file) => hashes.hash(file) })
      : new EngineClient(choice === 'process' ? forkEngine({ dataDir: options.dataDir }) : choice);
  const llm = new LanguageEngine(
    engine,
    (status) => ctx.emit('llm:status', status),
    new EngineCrashes(options.dataDir),
  );

  const stores = sqliteStores(db);
  const clock = { nowIso: () => now().toISOString(), today: () => now().toISOString().slice(0, 10) };
  const ids = { randomId: () => randomUUID().replace(/-/g, '') };
  const events: EventSink = {
    emit: (event, payload) => {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch {
          // One broken subscriber (a closed socket) must not stop the others or fail the write that already committed.
        }
      }
    },
  };
  const session = new DeskSession(db);
  const ctx: BackendContext = {
    stores,
    clock,
    ids,
    events,
    db,
    dataDir: options.dataDir,
    get actor() {
      return session.actorId();
    },
    session,
    nowIso: clock.nowIso,
    today: clock.today,
    randomId: ids.randomId,
    chance: options.chance ?? Math.random,
    llm,
    emit: (event, payload) => events.emit(event, payload),
  };

  const seeded = created && (options.seedDemoIfEmpty ?? true) && createBookDataUseCases(ctx).seedIfEmpty();
  ensureFirstUser(db, clock.nowIso());
  if (options.user !== undefined) {
    try {
      session.actAs(options.user);
    } catch (error) {
      // Nobody to act as: nothing opened stays open.
      void llm.dispose().catch(() => undefined);
      db.close();
      throw error;
    }
  }

  const audit = new AuditMonitor({
    databasePath,
    open: { nativeBinding: options.nativeBinding, cipherBinding: options.cipherBinding, key: options.databaseKey },
    now,
    onStatus: (status) => ctx.emit('audit:status', status),
    ...(typeof options.auditChecks === 'object' ? options.auditChecks : {}),
  });
  if (options.auditChecks) audit.start();

  const recordExports = recordExportHandlers(ctx);
  const engineTable = engineHandlers(ctx);
  const preparation = preparationHandlers(ctx, engineTable['recommendations:for-client'], options.preparation);
  const table: HandlerTable = {
    ...bookHandlers(ctx, { mode: options.mode, databasePath, demoHistory: options.demoHistory === true }),
    ...clientHandlers(ctx),
    ...engineTable,
    ...ruleSetHandlers(ctx),
    ...llmHandlers(ctx),
    ...pitchHandlers(ctx),
    ...deviationHandlers(ctx),
    ...recordExports.handlers,
    ...pdfHandlers(ctx, async (clientId) =>
      engineTable['recommendations:for-client']({ clientId, top: 20, languageModel: 'use' }),
    ),
    ...recordHandlers(ctx),
    'audit:status': () => audit.status(),
    'audit:check': () => audit.check(),
    ...userHandlers(ctx),
    ...meetingHandlers(ctx),
    ...analyticsHandlers(ctx),
    ...preparation.handlers,
    ...experimentHandlers(ctx),
    ...reviewScoreHandlers(ctx),
    ...offPolicyHandlers(ctx),
  };
  // The agenda's rows say how far each meeting's preparation has got.
  const meetingsInRange = table['meetings:range'];
  table['meetings:range'] = async (query) => preparation.withStatus(await meetingsInRange(query));
  // A new demo book gets its months of advice history before the first call is answered (a second or two).
  const history = seeded && options.demoHistory === true ? seedDemoHistory(ctx).catch(() => undefined) : null;
  const handlers = withStoreFailures(
    databasePath,
    Number(db.pragma('busy_timeout', { simple: true })),
    afterHistory(withPermissions(table, session), history),
  );

  return {
    handlers,
    databasePath,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      audit.dispose();
      recordExports.close();
      preparation.close();
      listeners.clear();
      // Frees the model and its context; running drafts are stopped first (nothing is kept in memory after close).
      void llm.dispose().catch(() => undefined);
      if (db.open) db.close();
    },
  };
}

/** Every call waits for the demo history being written, so nobody sees a book half made. */
function afterHistory(table: HandlerTable, history: Promise<void> | null): HandlerTable {
  if (!history) return table;
  let written = false;
  void history.then(() => (written = true));
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(table) as [string, (input: unknown) => unknown][])
    wrapped[channel] = async (input) => {
      if (!written) await history;
      return handler(input);
    };
  return wrapped as unknown as HandlerTable;
}

/**
 * Every channel that changes records checks the signed-in user's roles first (permissions.ts has the one table), so
 * a refusal does not depend on which buttons a page shows.
 */
function withPermissions(table: HandlerTable, session: DeskSession): HandlerTable {
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(table) as [Channel, (input: unknown) => unknown][]) {
    wrapped[channel] = (input) => {
      assertAllowed(channel, session.user());
      return handler(input);
    };
  }
  return wrapped as unknown as HandlerTable;
}

/**
 * Every handler, with the store's driver failures (another process writing, a full disk, a read-only file) answered
 * as the refusals they are rather than as internal faults: a request must not fail "unexpectedly" because a CLI
 * import holds the file.
 */
function withStoreFailures(databasePath: string, busyWaitMs: number, table: HandlerTable): HandlerTable {
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(table) as [string, (input: unknown) => unknown][]) {
    wrapped[channel] = async (input) => {
      try {
        return await handler(input);
      } catch (error) {
        throw storeFailure(error, databasePath, busyWaitMs) ?? error;
      }
    };
  }
  return wrapped as unknown as HandlerTable;
}
