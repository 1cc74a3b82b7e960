import type { ChannelParsedInput, ChannelOutput } from '../../app/contract/channels';
import type { ClientRanking, ModelVersionSummary } from '../../app/contract/engine-channels';
import { isPositiveOutcome, type Interaction, type Product } from '../../app/domain';
import { fitPopularity } from '../../app/eval/popularity-baseline';
import { liveModelFromParams, liveModelParams, type LiveModel } from '../../app/ranking/live-model';
import { modelScorer, popularityScorer, type ProductScorer } from '../../app/ranking/product-scorer';
import { rankForClient } from '../../app/ranking/rank-for-client';
import type { BackendContext } from '../backend/backend-context';
import { getClient } from '../db/client-repository';
import { activeDeviationsForRanking } from '../db/deviation-repository';
import { listHoldingsForClient } from '../db/holding-repository';
import { countInteractions, insertInteractions, listInteractions } from '../db/interaction-repository';
import { latestMarketSnapshot } from '../db/market-repository';
import {
  activateModelVersion,
  activeModelStamp,
  getActiveModelVersion,
  listModelVersions,
  saveOnlineUpdate,
} from '../db/model-version-repository';
import { getProduct, listProducts } from '../db/product-repository';
import { activeRuleSet } from '../db/rule-set-repository';
import { ModelSignals, NOT_REQUESTED, type RankingLanguageModel, type SignalsProgress } from './model-signals';
import { trainInWorker } from './train-in-worker';
import { readTrainingData, storeTrainedVersion, type TrainingData } from './train-model-version';
import { DomainError } from '../../app/domain/domain-error';

export interface ModelService {
  /** Async only when no model was ever trained: the first ranking then waits for the first training. */
  /** With languageModel 'skip', ranks without the language model's signals (reason 'not requested') even where they could be used. */
  rank(clientId: string, top: number, options?: { languageModel?: 'use' | 'skip' }): Promise<ClientRanking>;
  recordOutcome(input: ChannelParsedInput<'outcomes:record'>): ChannelOutput<'outcomes:record'>;
  versions(): ModelVersionSummary[];
  /**
   * Trains on a worker thread; the backend keeps answering meanwhile. One training runs at a time. With
   * `languageModel`, the loaded language model's signals become features and the version remembers that model.
   */
  retrain(note?: string, options?: RetrainOptions): Promise<ModelVersionSummary>;
  activate(version: number): ModelVersionSummary;
}

export interface RetrainOptions {
  /** Train with llm.similarity and llm.fit from the loaded language model; refused when none is loaded. */
  languageModel?: boolean;
  /**
   * Aborted to give the retrain up: it stops before the next product's signals, or ends its training
   * thread, and rejects with DomainError 'cancelled' (RETRAIN_CANCELLED), storing no version.
   */
  signal?: AbortSignal;
  /** Hears each report of how far the language-model signals have got, for 'model:retrain-status'. */
  onSignalsProgress?: (progress: SignalsProgress) => void;
}

export const RETRAIN_CANCELLED = 'Retrain cancelled: no version was stored and the active version is unchanged.';

interface CachedModel {
  version: number;
  onlineUpdates: number;
  live: LiveModel;
}

/**
 * The recommendation engine behind the handlers. The live model is loaded on first use and kept; every use
 * first reads the active version's stamp (version and online-update count, one indexed row), so a rollback,
 * a retrain from the CLI, a reset or a wipe is picked up without anyone having to tell the cache.
 */
export function createModelService(ctx: BackendContext): ModelService {
  const { db } = ctx;
  const llmSignals = new ModelSignals(ctx);
  let cache: CachedModel | null = null;
  // The interaction count at which a first training was refused, so a ranking does not retry it until data changes.
  let refusedAt: number | null = null;

  function current(): CachedModel | null {
    const stamp = activeModelStamp(db);
    if (!stamp) {
      cache = null;
      return null;
    }
    if (cache && cache.version === stamp.version && cache.onlineUpdates === stamp.onlineUpdates) return cache;
    const stored = getActiveModelVersion(db);
    if (!stored) return (cache = null);
    try {
      cache = {
        version: stored.summary.version,
        onlineUpdates: stored.summary.onlineUpdates,
        live: liveModelFromParams(stored.params),
      };
    } catch (error) {
      cache = null;
      throw new DomainError(
        'unavailable',
        `Model version ${stamp.version} cannot be read (${(error as Error).message}). Activate another version or retrain.`,
      );
    }
    return cache;
  }

  // The training in flight, if any: a second request waits for it, then trains on the data as it is then.
  let training: Promise<ModelVersionSummary> | null = null;

  /**
   * Reads the store here (a fraction of a second), trains on a worker thread (seconds on a large book) and
   * stores the new version here, in one transaction, so rankings and edits are answered meanwhile. Outcomes
   * recorded while it trains are in the store but not in the new version; the next retrain includes them.
   */
  function retrain(note = 'retrain', options: RetrainOptions = {}): Promise<ModelVersionSummary> {
    const before = training;
    const { signal } = options;
    const run = (async () => {
      // Refused at once, before waiting for another training, when there is no model to take signals from.
      if (options.languageModel) llmSignals.requireLoaded();
      if (before) await before.catch(() => undefined);
      try {
        signal?.throwIfAborted();
        let data: TrainingData = readTrainingData(db, activeRuleSet(db));
        if (options.languageModel)
          data = {
            ...data,
            ...(await llmSignals.forTraining(data.interactions, data.book, {
              signal,
              onProgress: options.onSignalsProgress,
            })),
          };
        const trained = await trainInWorker(data, signal);
        // The store is written synchronously below: a cancel that arrives after this line is too late.
        signal?.throwIfAborted();
        const summary = storeTrainedVersion(db, trained, { note, at: ctx.nowIso(), actor: ctx.actor });
        refusedAt = null;
        ctx.emit('data:changed', { entity: 'model' });
        return summary;
      } catch (error) {
        // Whatever the abort interrupted (the signals, the training thread) it ends as one plain answer.
        if (signal?.aborted) throw new DomainError('cancelled', RETRAIN_CANCELLED);
        throw error;
      }
    })();
    training = run;
    const clear = (): void => {
      if (training === run) training = null;
    };
    run.then(clear, clear);
    return run;
  }

  /**
   * The live model, training the first version if none was ever trained (a new demo database): training costs
   * seconds, so it waits for the first ranking rather than slowing every start-up. Null when there is nothing
   * to train on yet; the ranking then falls back to popularity and says so.
   */
  async function liveOrFirstTrained(): Promise<CachedModel | null> {
    const live = current();
    if (live || listModelVersions(db).length > 0) return live;
    // A training already under way (another ranking's first use, or a retrain) gives the first version.
    if (training) {
      await training.catch(() => undefined);
      return current();
    }
    const outcomes = countInteractions(db);
    if (refusedAt === outcomes) return null;
    try {
      await retrain('first-use');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation') {
        refusedAt = outcomes;
        return null;
      }
      throw error;
    }
    return current();
  }

  function popularity(): ProductScorer {
    const outcomes = listInteractions(db).filter((i) => i.outcome !== null);
    return popularityScorer(
      fitPopularity(outcomes.map((i) => ({ productId: i.productId, label: isPositiveOutcome(i.outcome) ? 1 : 0 }))),
    );
  }

  function marketNow() {
    return latestMarketSnapshot(db, ctx.today()) ?? latestMarketSnapshot(db);
  }

  return {
    async rank(clientId, top, options = {}) {
      if (!getClient(db, clientId)) throw new DomainError('not_found', `No client with id ${clientId}.`);
      const live = await liveOrFirstTrained();
      // Read after any first training, which may have taken seconds.
      const client = getClient(db, clientId);
      if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
      const ruleSet = activeRuleSet(db);
      const at = ctx.nowIso();
      const request = {
        client,
        products: listProducts(db, { search: '', family: null }),
        holdings: listHoldingsForClient(db, clientId),
        ruleSet,
        today: ctx.today(),
        at,
        market: marketNow(),
        top,
        // Recorded, unwithdrawn client-requested deviations; the risk-class rule still decides whether each applies.
        deviations: activeDeviationsForRanking(db, clientId),
      };
      const ref = live?.live.languageModel ?? null;
      let about: RankingLanguageModel | null = ref ? llmSignals.availability(ref) : null;
      if (about?.used && options.languageModel === 'skip') about = { ...about, used: false, reason: NOT_REQUESTED };
      // The suitable products as scored without signals, best first: the order fit is computed in.
      let candidates: { product: Product; probability: number }[] = [];
      const withoutSignals = live ? modelScorer(live.live) : popularity();
      const capturing: ProductScorer = (c, products, market, when) => {
        const scores = withoutSignals(c, products, market, when);
        candidates = products.map((product, i) => ({ product, probability: scores[i]!.probability }));
        return scores;
      };
      let result = rankForClient({ ...request, scorer: about?.used ? capturing : withoutSignals });
      if (live && ref && about?.used && candidates.length > 0) {
        const ordered = [...candidates]
          .sort((a, b) => b.probability - a.probability || (a.product.id < b.product.id ? -1 : 1))
          .map((c) => c.product);
        try {
          const signals = await llmSignals.forRanking(ref, client, ordered);
          if (signals) result = rankForClient({ ...request, scorer: modelScorer(live.live, { signals }) });
          // Unloaded or replaced while it waited for a draft to finish.
          else
            about = { ...about, used: false, reason: llmSignals.availability(ref).reason ?? 'unloaded while ranking' };
        } catch (error) {
          // The ranking without signals still stands; the reason tells the advisor why they are missing.
          about = {
            ...about,
            used: false,
            reason: `the signals could not be computed (${error instanceof Error ? error.message : String(error)})`,
          };
        }
      }
      const { ranked, excluded } = result;
      return {
        clientId,
        at,
        modelVersion: live?.version ?? null,
        ruleSet: { id: ruleSet.id, version: ruleSet.version },
        languageModel: about,
        ranked,
        excluded,
      };
    },

    recordOutcome({ clientId, productId, outcome, channel, note }) {
      const client = getClient(db, clientId);
      if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
      const product = getProduct(db, productId);
      if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
      const live = current();
      const at = ctx.nowIso();
      // A version trained with language-model signals learns the reaction with the signals the product was ranked with.
      const ref = live?.live.languageModel ?? null;
      const signals =
        ref && llmSignals.availability(ref).used ? llmSignals.fromLastRanking(ref, clientId, productId) : undefined;
      const context = { client, product, market: marketNow(), at, channel, ...(signals ? { signals } : {}) };
      const interaction: Interaction = {
        id: `IA-${ctx.randomId().slice(0, 16).toUpperCase()}`,
        clientId,
        productId,
        occurredAt: at,
        channel,
        policy: 'advisor-recorded',
        // What the live model thought before it learned this outcome: the record of the score the advisor saw.
        score: live
          ? (modelScorer(live.live, { reasons: 0, ...(signals ? { signals: new Map([[productId, signals]]) } : {}) })(
              client,
              [product],
              context.market,
              at,
            )[0]?.probability ?? null)
          : null,
        outcome,
        advisorId: ctx.actor,
        note,
      };
      let onlineUpdates = 0;
      try {
        db.transaction(() => {
          insertInteractions(db, [interaction]);
          if (!live) return;
          live.live.model.learn(context, isPositiveOutcome(outcome));
          onlineUpdates = saveOnlineUpdate(db, live.version, liveModelParams(live.live), at);
        }).immediate();
      } catch (error) {
        // The in-memory model may have learned an outcome that was not stored: reload it from the store next time.
        cache = null;
        throw error;
      }
      if (live && cache) cache.onlineUpdates = onlineUpdates;
      ctx.emit('data:changed', { entity: 'interactions', id: clientId });
      if (live) ctx.emit('data:changed', { entity: 'model' });
      return { interaction, modelVersion: live?.version ?? null, onlineUpdates };
    },

    versions: () => listModelVersions(db),
    retrain,
    activate(version) {
      const activated = activateModelVersion(db, version, { at: ctx.nowIso(), actor: ctx.actor });
      if (!activated) throw new DomainError('not_found', `No model version ${version}.`);
      ctx.emit('data:changed', { entity: 'model' });
      return activated;
    },
  };
}
