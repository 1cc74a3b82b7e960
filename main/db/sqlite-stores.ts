import { isBusyError } from './store-failure';
import { findImpression, getImpression, recordImpression } from './impression-repository';
import { DomainError } from '../../app/domain/domain-error';
import { message } from '../../app/messages';
import type { Stores } from '../../app/ports';
import { loadBookOfBusiness, loadBookOfClients } from './book-repository';
import { auditImportBatch } from './import-audit';
import {
  bulkInsertClients,
  clientExists,
  existingClientIds,
  mergeClientCustomAttributes,
  countClients,
  getClient,
  insertClient,
  listClients,
  recordQuestionnaire,
  updateClient,
} from './client-repository';
import type { Db } from './connection';
import { summarizeData, wipeData } from './data-maintenance';
import { isStoreEmpty, seedDemoData } from './demo-seed';
import {
  activeDeviation,
  activeDeviationsForRanking,
  DeviationExistsError,
  getDeviation,
  listDeviationsForClient,
  recordDeviation,
  withdrawDeviation,
} from './deviation-repository';
import { appendAudit } from './audit-log';
import { existingHoldingIds, insertHoldings, listHoldingsForClient } from './holding-repository';
import {
  countInteractions,
  existingInteractionIds,
  getInteraction,
  insertInteractions,
  markInteractionUndone,
  listInteractions,
  listInteractionsForClient,
} from './interaction-repository';
import {
  existingSnapshotDates,
  latestMarketSnapshot,
  listMarketSnapshots,
  upsertMarketSnapshots,
} from './market-repository';
import {
  cancelMeeting,
  createMeeting,
  getMeeting,
  listMeetingsForClient,
  listMeetingsInRange,
  listUpcomingMeetings,
  moveMeeting,
} from './meeting-repository';
import {
  activateModelVersion,
  activeModelStamp,
  getActiveModelVersion,
  insertModelVersion,
  listModelVersions,
  revertOnlineUpdate,
  saveOnlineUpdate,
} from './model-version-repository';
import {
  countProducts,
  existingProductIds,
  getProduct,
  importProducts,
  listProducts,
  mergeProductCustomAttributes,
} from './product-repository';
import {
  activateRuleSet,
  activeRuleSet,
  listRuleSetVersions,
  RuleSetRefusedError,
  saveRuleSet,
} from './rule-set-repository';
import { getSettings, updateSettings } from './settings-repository';

const BUSY_MESSAGE =
  'the database is busy with another import (or another write) that did not finish in time; nothing was imported. Try again when it is done.';

/** Lets the event loop run (a signal, a request) before the next step of a long write. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Begins a write transaction, waiting for another process's writer as long as the connection's busy timeout says,
 * without blocking the event loop: a Ctrl-C while waiting stops the wait.
 */
async function beginWhenFree(db: Db, signal: AbortSignal | undefined, onWait?: () => void): Promise<void> {
  const timeout = Number(db.pragma('busy_timeout', { simple: true }));
  const deadline = Date.now() + timeout;
  let waited = false;
  db.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusyError(error)) throw error;
        if (Date.now() >= deadline) throw new DomainError('busy', BUSY_MESSAGE);
        if (!waited) onWait?.();
        waited = true;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 50));
      if (signal?.aborted) throw new DomainError('cancelled', 'The import was cancelled; nothing was imported.');
    }
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** The store ports over one SQLite connection. Driver errors that mean a refusal become domain errors here. */
export function sqliteStores(db: Db): Stores {
  // While a stepped write is open, the connection's transaction is that write's: another write would join it.
  let stepping = false;
  const refuseWhileStepping = () => {
    if (stepping) throw new DomainError('busy', BUSY_MESSAGE);
  };
  return {
    clients: {
      get: (id) => getClient(db, id),
      exists: (id) => clientExists(db, id),
      list: (query, now) => listClients(db, query, now),
      count: () => countClients(db),
      insert: (client, actor) => insertClient(db, client, actor),
      update: (id, revision, profile, meta) => updateClient(db, id, revision, profile, meta),
      recordQuestionnaire: (id, revision, result, meta) => recordQuestionnaire(db, id, revision, result, meta),
    },
    products: {
      get: (id) => getProduct(db, id),
      list: (query) => listProducts(db, query),
      count: () => countProducts(db),
    },
    holdings: { forClient: (clientId) => listHoldingsForClient(db, clientId) },
    interactions: {
      forClient: (clientId) => listInteractionsForClient(db, clientId),
      all: () => listInteractions(db),
      count: () => countInteractions(db),
      // A reaction an advisor records is an audited change, linked to the ranking it came from (imports are audited
      // as one entry per file by the import itself and do not come this way).
      insert: (interactions) =>
        db.transaction(() => {
          insertInteractions(db, interactions);
          for (const i of interactions)
            appendAudit(db, {
              at: i.occurredAt,
              actor: i.advisorId,
              entity: 'interaction',
              entityId: i.id,
              action: 'record reaction',
              before: null,
              after: {
                clientId: i.clientId,
                productId: i.productId,
                outcome: i.outcome,
                channel: i.channel,
                impressionId: i.impressionId ?? null,
              },
            });
        })(),
      get: (id) => getInteraction(db, id),
      undo: (id, meta) =>
        db.transaction(() => {
          const before = getInteraction(db, id);
          markInteractionUndone(db, id, meta.at, meta.actor);
          appendAudit(db, {
            at: meta.at,
            actor: meta.actor,
            entity: 'interaction',
            entityId: id,
            action: 'undo reaction',
            before: before ? { clientId: before.clientId, productId: before.productId, outcome: before.outcome } : null,
            after: { undoneAt: meta.at },
          });
        })(),
    },
    impressions: {
      record: (impression) => recordImpression(db, impression),
      find: (id) => findImpression(db, id),
      get: (id) => getImpression(db, id),
    },
    meetings: {
      upcoming: (now, limit) => listUpcomingMeetings(db, now, limit),
      forClient: (clientId) => listMeetingsForClient(db, clientId),
      get: (id) => getMeeting(db, id),
      inRange: (from, to, advisorId) => listMeetingsInRange(db, from, to, advisorId),
      create: (meeting, meta) => createMeeting(db, meeting, meta),
      move: (id, change, meta) => moveMeeting(db, id, change, meta),
      cancel: (id, meta) => cancelMeeting(db, id, meta),
    },
    market: {
      latest: (onOrBefore) => latestMarketSnapshot(db, onOrBefore),
      all: () => listMarketSnapshots(db),
    },
    ruleSets: {
      active: () => activeRuleSet(db),
      versions: () => listRuleSetVersions(db),
      save: (ruleSet, options) => {
        try {
          return saveRuleSet(db, ruleSet, options);
        } catch (error) {
          if (!(error instanceof RuleSetRefusedError)) throw error;
          // "field: problem" lines, so the editor can point at the field.
          const issues = error.issues.map((issue) => {
            const [field, ...rest] = issue.split(': ');
            const text = rest.join(': ');
            return { field: field ?? '(rule set)', message: message('issue.text', { text }) };
          });
          throw new DomainError('validation', error.message, issues);
        }
      },
      activate: (version, meta) => activateRuleSet(db, version, meta),
    },
    deviations: {
      get: (id) => getDeviation(db, id),
      forClient: (clientId) => listDeviationsForClient(db, clientId),
      active: (clientId, productId) => activeDeviation(db, clientId, productId),
      activeForRanking: (clientId) => activeDeviationsForRanking(db, clientId),
      record: (deviation, meta) => {
        try {
          return recordDeviation(db, deviation, meta);
        } catch (error) {
          if (error instanceof DeviationExistsError) throw new DomainError('conflict', error.message);
          throw error;
        }
      },
      withdraw: (id, meta) => withdrawDeviation(db, id, meta),
    },
    modelVersions: {
      list: () => listModelVersions(db),
      activeStamp: () => activeModelStamp(db),
      active: () => getActiveModelVersion(db),
      insert: (version) => insertModelVersion(db, version),
      activate: (version, meta) => activateModelVersion(db, version, meta),
      saveOnlineUpdate: (version, params, at) => saveOnlineUpdate(db, version, params, at),
      revertOnlineUpdate: (version, paramsJson, updatesAfter, at) =>
        revertOnlineUpdate(db, version, paramsJson, updatesAfter, at),
    },
    settings: { get: () => getSettings(db), update: (patch, at) => updateSettings(db, patch, at) },
    training: {
      interactions: () => listInteractions(db),
      book: (clientIds) => (clientIds ? loadBookOfClients(db, clientIds) : loadBookOfBusiness(db)),
    },
    book: {
      summary: () => summarizeData(db),
      isEmpty: () => isStoreEmpty(db),
      seed: (data) => seedDemoData(db, data),
      wipe: (meta) => wipeData(db, meta),
    },
    imports: {
      existingClientIds: (ids) => existingClientIds(db, ids),
      existingProductIds: (ids) => existingProductIds(db, ids),
      existingHoldingIds: (ids) => existingHoldingIds(db, ids),
      existingInteractionIds: (ids) => existingInteractionIds(db, ids),
      existingMarketDates: (dates) => existingSnapshotDates(db, dates),
      insertClients: (clients, actor) => void bulkInsertClients(db, clients, actor),
      mergeClientAttributes: (updates, meta) => mergeClientCustomAttributes(db, updates, meta),
      putProducts: (products, meta) => importProducts(db, products, meta),
      mergeProductAttributes: (updates, meta) => mergeProductCustomAttributes(db, updates, meta),
      insertHoldings: (holdings) => insertHoldings(db, holdings),
      insertInteractions: (interactions) => insertInteractions(db, interactions),
      putMarketSnapshots: (snapshots) => upsertMarketSnapshots(db, snapshots),
      auditBatch: (entry) => auditImportBatch(db, entry),
    },
    transactions: {
      write: (work) => {
        refuseWhileStepping();
        try {
          return db.transaction(work).immediate();
        } catch (error) {
          if (isBusyError(error)) throw new DomainError('busy', BUSY_MESSAGE);
          throw error;
        }
      },
      writeInSteps: async (work, signal, onWait) => {
        refuseWhileStepping();
        if (signal?.aborted) throw new DomainError('cancelled', 'The import was cancelled; nothing was imported.');
        await beginWhenFree(db, signal, onWait);
        stepping = true;
        try {
          const step = async () => {
            await nextTurn();
            if (signal?.aborted) throw new DomainError('cancelled', 'The import was cancelled; nothing was imported.');
          };
          const result = await work(step);
          await step();
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        } finally {
          stepping = false;
        }
      },
    },
  };
}
