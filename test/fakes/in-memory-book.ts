import { DomainError } from '../../app/domain/domain-error';
import type { Client, Interaction, ModelVersionSummary, NewClient } from '../../app/domain';
import { calibrationView, selectionView } from '../../app/domain/model-version';
import type { DemoData } from '../../app/demo/demo-data';
import type { NewModelVersion, RankingImpression, StoredModelVersion, Stores } from '../../app/ports';
import { DEFAULT_RULE_SET } from '../../app/suitability';

/** The parts of the store the interest model's use-cases use, held in memory: no SQLite anywhere in the test. */
export type ModelStores = Pick<
  Stores,
  | 'clients'
  | 'products'
  | 'holdings'
  | 'interactions'
  | 'impressions'
  | 'market'
  | 'ruleSets'
  | 'deviations'
  | 'modelVersions'
  | 'training'
  | 'transactions'
>;

const notUsed = (what: string) => (): never => {
  throw new Error(`${what} is not part of this in-memory book`);
};

function asClient(c: NewClient): Client {
  return {
    ...c.profile,
    id: c.id,
    riskClass: c.riskClass,
    questionnaire: c.questionnaire,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    revision: 1,
  };
}

/** A book of business from generated demo data, with model versions kept in a list the way the store keeps them. */
export function inMemoryBook(data: DemoData): ModelStores & { versionsStored: () => StoredModelVersion[] } {
  const clients = new Map(data.clients.map((c) => [c.id, asClient(c)]));
  const interactions: Interaction[] = [...data.interactions];
  const impressions = new Map<string, RankingImpression>();
  const undone = new Map<string, string>();
  const productNamed = (id: string) => data.products.find((p) => p.id === id);
  const versions: StoredModelVersion[] = [];
  const summaryOf = (v: NewModelVersion, version: number): ModelVersionSummary => ({
    version,
    kind: 'interest-fm',
    createdAt: v.at,
    active: true,
    trainedFrom: v.trainedFrom,
    trainedTo: v.trainedTo,
    trainRows: v.trainRows,
    testRows: v.testRows,
    onlineUpdates: 0,
    metrics: v.metrics.model,
    baselines: v.metrics.baselines,
    note: v.note,
    selection: selectionView(v.metrics),
    comparison: v.comparison ?? null,
    calibration: calibrationView(v.metrics),
  });
  const active = () => versions.find((v) => v.summary.active) ?? null;
  return {
    versionsStored: () => versions,
    clients: {
      get: (id) => clients.get(id) ?? null,
      exists: (id) => clients.has(id),
      list: notUsed('clients.list'),
      count: () => clients.size,
      insert: notUsed('clients.insert'),
      update: notUsed('clients.update'),
      recordQuestionnaire: notUsed('clients.recordQuestionnaire'),
    },
    products: {
      get: (id) => data.products.find((p) => p.id === id) ?? null,
      list: () => [...data.products],
      count: () => data.products.length,
    },
    holdings: { forClient: () => [] },
    interactions: {
      forClient: (clientId) =>
        interactions
          .filter((i) => i.clientId === clientId)
          .map((i) => ({
            ...i,
            productNameEn: productNamed(i.productId)?.nameEn ?? '',
            productNameZh: productNamed(i.productId)?.nameZh ?? '',
          })),
      all: () => [...interactions],
      count: () => interactions.length,
      insert: (more) => void interactions.push(...more),
      get: (id) => {
        const found = interactions.find((i) => i.id === id) ?? data.interactions.find((i) => i.id === id);
        return found ? { ...found, undoneAt: undone.get(id) ?? null } : null;
      },
      undo: (id, meta) => {
        const at = interactions.findIndex((i) => i.id === id);
        if (at >= 0) interactions.splice(at, 1);
        undone.set(id, meta.at);
      },
    },
    impressions: {
      record: (impression) => void impressions.set(impression.id, impression),
      find: (id) => {
        const shown = impressions.get(id);
        return shown
          ? { clientId: shown.ranking.clientId, rankedProductIds: shown.ranking.ranked.map((p) => p.productId) }
          : null;
      },
      get: (id) => {
        const shown = impressions.get(id);
        if (!shown) return null;
        const r = shown.ranking;
        return {
          id,
          clientId: r.clientId,
          shownAt: shown.shownAt,
          surface: shown.surface,
          shownTo: shown.shownTo,
          credit: r.credit ?? null,
          modelVersion: r.modelVersion,
          ruleSet: r.ruleSet,
          languageModel: r.languageModel,
          ranked: r.ranked.map((p) => ({
            position: p.rank,
            productId: p.productId,
            probability: p.probability,
            reasons: p.reasons,
            movedForDiversity: p.movedForDiversity,
            deviation: p.deviation,
          })),
          excluded: r.excluded.map((p) => ({ productId: p.productId, failed: p.failed })),
        };
      },
    },
    market: { latest: () => data.marketSnapshots.at(-1) ?? null, all: () => [...data.marketSnapshots] },
    ruleSets: {
      active: () => DEFAULT_RULE_SET,
      versions: () => [],
      save: notUsed('ruleSets.save'),
      activate: notUsed('ruleSets.activate'),
    },
    deviations: {
      get: () => null,
      forClient: () => [],
      active: () => null,
      activeForRanking: () => new Map(),
      record: notUsed('deviations.record'),
      withdraw: notUsed('deviations.withdraw'),
    },
    modelVersions: {
      list: () => versions.map((v) => v.summary).reverse(),
      activeStamp: () => {
        const a = active();
        return a ? { version: a.summary.version, onlineUpdates: a.summary.onlineUpdates } : null;
      },
      active,
      insert: (v) => {
        // As the store does: a version that scored worse than the live one is kept, not made live.
        const goesLive = active() === null || v.comparison?.madeLive !== false;
        if (goesLive) for (const old of versions) old.summary = { ...old.summary, active: false };
        const summary = { ...summaryOf(v, versions.length + 1), active: goesLive };
        const stored = { summary, params: JSON.parse(JSON.stringify(v.params)) };
        versions.push(stored);
        return stored.summary;
      },
      activate: notUsed('modelVersions.activate'),
      saveOnlineUpdate: (version, params) => {
        const v = versions.find((x) => x.summary.version === version)!;
        v.params = JSON.parse(JSON.stringify(params));
        v.summary = { ...v.summary, onlineUpdates: v.summary.onlineUpdates + 1 };
        return v.summary.onlineUpdates;
      },
      revertOnlineUpdate: (version, paramsJson, updatesAfter) => {
        const v = versions.find((x) => x.summary.version === version);
        if (!v || v.summary.onlineUpdates !== updatesAfter) return false;
        v.params = JSON.parse(paramsJson);
        v.summary = { ...v.summary, onlineUpdates: v.summary.onlineUpdates - 1 };
        return true;
      },
    },
    training: {
      interactions: () => [...interactions],
      book: () => ({ clients: [...clients.values()], products: data.products, marketSnapshots: data.marketSnapshots }),
    },
    transactions: {
      write: (work) => work(),
      writeInSteps: (work, signal) =>
        work(async () => {
          if (signal?.aborted) throw new DomainError('cancelled', 'cancelled');
        }),
    },
  };
}
