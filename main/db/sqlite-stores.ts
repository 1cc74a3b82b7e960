import { DomainError } from '../../app/domain/domain-error';
import { message } from '../../app/messages';
import type { Stores } from '../../app/ports';
import { loadBookOfBusiness, loadBookOfClients } from './book-repository';
import {
  clientExists,
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
import { listHoldingsForClient } from './holding-repository';
import {
  countInteractions,
  insertInteractions,
  listInteractions,
  listInteractionsForClient,
} from './interaction-repository';
import { latestMarketSnapshot, listMarketSnapshots } from './market-repository';
import { listMeetingsForClient, listUpcomingMeetings } from './meeting-repository';
import {
  activateModelVersion,
  activeModelStamp,
  getActiveModelVersion,
  insertModelVersion,
  listModelVersions,
  saveOnlineUpdate,
} from './model-version-repository';
import { countProducts, getProduct, listProducts } from './product-repository';
import {
  activateRuleSet,
  activeRuleSet,
  listRuleSetVersions,
  RuleSetRefusedError,
  saveRuleSet,
} from './rule-set-repository';
import { getSettings, updateSettings } from './settings-repository';

/** The store ports over one SQLite connection. Driver errors that mean a refusal become domain errors here. */
export function sqliteStores(db: Db): Stores {
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
      insert: (interactions) => insertInteractions(db, interactions),
    },
    meetings: {
      upcoming: (now, limit) => listUpcomingMeetings(db, now, limit),
      forClient: (clientId) => listMeetingsForClient(db, clientId),
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
    transactions: { write: (work) => db.transaction(work).immediate() },
  };
}
