import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { EventSink } from '../../app/ports';
import { createBookDataUseCases } from '../../app/use-cases/book-data';
import { openStore } from '../db/open-store';
import { sqliteStores } from '../db/sqlite-stores';
import { storeFailure } from '../db/store-failure';
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
import { recordHandlers } from './record-handlers';
import { recordExportHandlers } from './record-export-handlers';
import { ruleSetHandlers } from './rule-set-handlers';

/** The one person at this desk; the audit trail names them. Sign-in arrives with multi-user support. */
export const LOCAL_ACTOR = 'local-advisor';

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
  const ctx: BackendContext = {
    stores,
    clock,
    ids,
    events,
    db,
    dataDir: options.dataDir,
    actor: LOCAL_ACTOR,
    nowIso: clock.nowIso,
    today: clock.today,
    randomId: ids.randomId,
    llm,
    emit: (event, payload) => events.emit(event, payload),
  };

  if (created && (options.seedDemoIfEmpty ?? true)) createBookDataUseCases(ctx).seedIfEmpty();

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
  const handlers: HandlerTable = withStoreFailures(databasePath, Number(db.pragma('busy_timeout', { simple: true })), {
    ...bookHandlers(ctx, { mode: options.mode, databasePath }),
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
  });

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
      listeners.clear();
      // Frees the model and its context; running drafts are stopped first (nothing is kept in memory after close).
      void llm.dispose().catch(() => undefined);
      if (db.open) db.close();
    },
  };
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
