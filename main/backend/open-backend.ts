import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HandlerTable } from '../../app/contract/dispatch';
import { generateDemoData } from '../../app/demo/demo-data';
import { countClients } from '../db/client-repository';
import { summarizeData, wipeData } from '../db/data-maintenance';
import { isStoreEmpty, seedDemoData } from '../db/demo-seed';
import { latestMarketSnapshot } from '../db/market-repository';
import { listUpcomingMeetings } from '../db/meeting-repository';
import { openStore } from '../db/open-store';
import { countProducts, getProduct, listProducts } from '../db/product-repository';
import { getSettings, updateSettings } from '../db/settings-repository';
import { DATABASE_FILE_NAME } from '../paths';
import { APP_VERSION } from './app-version';
import type { BackendContext } from './backend-context';
import type { Backend, BackendOptions, EventListener } from './backend-types';
import { clientHandlers } from './client-handlers';
import { engineHandlers } from './engine-handlers';
import { ruleSetHandlers } from './rule-set-handlers';
import { llmHandlers } from './llm-handlers';
import { pitchHandlers } from './pitch-handlers';
import { LanguageEngine } from '../engine/language-engine';
import { LlamaEngine } from '../engine/llama-engine';
import { EngineClient } from '../engine/engine-client';
import { forkEngine } from '../engine/fork-engine';
import { ModelHashCache } from '../llm/model-hash';
import { deviationHandlers } from './deviation-handlers';
import { DomainError } from '../../app/domain/domain-error';

/** The one person at this desk; the audit trail names them. Sign-in arrives with multi-user support. */
export const LOCAL_ACTOR = 'local-advisor';

/**
 * Opens the store (creating and migrating it), seeds the demo book on a brand-new empty file,
 * and returns the handler table every transport dispatches to. A wiped database stays empty across restarts.
 */
export function openBackend(options: BackendOptions): Backend {
  const databasePath = path.resolve(options.databasePath ?? path.join(options.dataDir, DATABASE_FILE_NAME));
  const { db, created } = openStore(databasePath, { nativeBinding: options.nativeBinding });
  const now = options.now ?? (() => new Date());
  const listeners = new Set<EventListener>();
  const hashes = new ModelHashCache(options.dataDir);
  const choice = options.languageEngine ?? 'process';
  const engine =
    choice === 'in-process'
      ? new LlamaEngine({ hashOf: (file) => hashes.hash(file) })
      : new EngineClient(choice === 'process' ? forkEngine({ dataDir: options.dataDir }) : choice);
  const llm = new LanguageEngine(engine, (status) => ctx.emit('llm:status', status));

  const ctx: BackendContext = {
    db,
    dataDir: options.dataDir,
    actor: LOCAL_ACTOR,
    nowIso: () => now().toISOString(),
    today: () => now().toISOString().slice(0, 10),
    randomId: () => randomUUID().replace(/-/g, ''),
    llm,
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

  const seed = () => seedDemoData(db, generateDemoData({ today: ctx.today() }));
  if (created && (options.seedDemoIfEmpty ?? true) && isStoreEmpty(db)) seed();

  const handlers: HandlerTable = {
    'app:info': () => ({
      version: APP_VERSION,
      mode: options.mode,
      dataDir: options.dataDir,
      databasePath,
      clientCount: countClients(db),
      productCount: countProducts(db),
    }),
    'settings:get': () => getSettings(db),
    'settings:update': (patch) => {
      const settings = updateSettings(db, patch, ctx.nowIso());
      ctx.emit('data:changed', { entity: 'settings' });
      return settings;
    },
    ...clientHandlers(ctx),
    ...engineHandlers(ctx),
    ...ruleSetHandlers(ctx),
    ...llmHandlers(ctx),
    ...pitchHandlers(ctx),
    ...deviationHandlers(ctx),
    'products:list': (query) => listProducts(db, query),
    'products:get': ({ id }) => {
      const product = getProduct(db, id);
      if (!product) throw new DomainError('not_found', `No product with id ${id}.`);
      return product;
    },
    'market:latest': () => latestMarketSnapshot(db, ctx.today()) ?? latestMarketSnapshot(db),
    'meetings:upcoming': ({ limit }) => listUpcomingMeetings(db, ctx.nowIso(), limit),
    'data:summary': () => summarizeData(db),
    'data:reset-demo': () => {
      db.transaction(() => {
        wipeData(db, { at: ctx.nowIso(), actor: LOCAL_ACTOR });
        seed();
      }).immediate();
      ctx.emit('data:changed', { entity: 'all' });
      return summarizeData(db);
    },
    'data:wipe': () => {
      wipeData(db, { at: ctx.nowIso(), actor: LOCAL_ACTOR });
      ctx.emit('data:changed', { entity: 'all' });
      return summarizeData(db);
    },
  };

  return {
    handlers,
    databasePath,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      // Frees the model and its context; running drafts are stopped first (nothing is kept in memory after close).
      void llm.dispose().catch(() => undefined);
      if (db.open) db.close();
    },
  };
}
