import { DomainError } from '../domain/domain-error';
import { isPositiveOutcome, type Product } from '../domain';
import type { ClientRanking } from '../domain/ranking';
import { fitPopularityOnOutcomes } from '../eval/popularity-baseline';
import type { Clock, IdSource, ImpressionSurface, LanguageModelSignals, RankingLanguageModel, Stores } from '../ports';
import { modelScorer, popularityScorer, type ProductScorer } from '../ranking/product-scorer';
import { rankForClient } from '../ranking/rank-for-client';
import type { UniformSource } from '../ranking/exploration';
import type { CachedModel, LiveModelCache } from './live-model-cache';
import { policyLabel, type RankingPolicy } from '../experiments/experiment';
import { rulesOnlyScorer } from '../experiments/rules-only-scorer';
import type { ExperimentStore } from '../ports/experiment-store';
import type { LiveModel } from '../ranking/live-model';
import { armForClient } from './experiments';
import type { Retrainer } from './retrain';

/** The reason a ranking asked with languageModel 'skip' gives, where the signals could have been used. */
export const NOT_REQUESTED = 'not requested';

export interface RankClientDeps {
  stores: Pick<
    Stores,
    | 'clients'
    | 'products'
    | 'holdings'
    | 'ruleSets'
    | 'market'
    | 'deviations'
    | 'interactions'
    | 'modelVersions'
    | 'impressions'
  >;
  ids: IdSource;
  /** Who the ranking is shown to, for its impression. */
  actor: string;
  cache: LiveModelCache;
  retrainer: Retrainer;
  signals: LanguageModelSignals;
  clock: Clock;
  /** Exploration of the last place (app/ranking/exploration.ts): the rate as set now, and the source of chance. */
  exploration?: { rate(): number; random: UniformSource };
  /** A/B tests of ranking policies; absent where none can run (the demo's made-up history). */
  experiments?: RankingExperiments;
}

export interface RankingExperiments {
  store: ExperimentStore;
  /** A stored model version as a scorer's model, for an arm that names one; null when there is none. */
  modelOfVersion(version: number): LiveModel | null;
}

export interface RankClientInput {
  clientId: string;
  top: number;
  /** 'skip' ranks without the language model's signals (reason 'not requested') even where they could be used. */
  languageModel?: 'use' | 'skip';
  /** Where the ranking is shown: it is then kept as an impression that reactions can point to. Absent: not shown. */
  shownOn?: ImpressionSurface;
  /** Rank suitable credit products even without a borrowing need in the profile (the advisor asked for them). */
  includeCredit?: boolean;
}

/**
 * The suitable products for a client, best first, with their reasons, and every excluded product with the rules
 * that excluded it. The live model is trained on first use when no version exists yet (a new demo database):
 * training costs seconds, so it waits for the first ranking rather than slowing every start-up.
 */
export function createRankClient(deps: RankClientDeps): (input: RankClientInput) => Promise<ClientRanking> {
  const { stores } = deps;
  // The outcome count at which a first training was refused, so a ranking does not retry it until data changes.
  let refusedAt: number | null = null;

  async function liveOrFirstTrained(): Promise<CachedModel | null> {
    const live = deps.cache.current();
    if (live || stores.modelVersions.list().length > 0) return live;
    // A training already under way (another ranking's first use, or a retrain) gives the first version.
    const running = deps.retrainer.inFlight();
    if (running) {
      await running;
      return deps.cache.current();
    }
    const outcomes = stores.interactions.count();
    if (refusedAt === outcomes) return null;
    try {
      await deps.retrainer.retrain('first-use');
      refusedAt = null;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation') {
        refusedAt = outcomes;
        return null;
      }
      throw error;
    }
    return deps.cache.current();
  }

  function labelledOutcomes(): { productId: string; label: 0 | 1 }[] {
    const outcomes = stores.interactions.all().filter((i) => i.outcome !== null);
    return outcomes.map((i) => ({ productId: i.productId, label: isPositiveOutcome(i.outcome) ? 1 : 0 }));
  }

  function popularity(): ProductScorer {
    return popularityScorer(fitPopularityOnOutcomes(stores.interactions.all()));
  }

  function rulesOnly(): ProductScorer {
    const rows = labelledOutcomes();
    return rulesOnlyScorer(rows.length > 0 ? rows.reduce((sum, r) => sum + r.label, 0) / rows.length : 0);
  }

  /** The model an arm's policy ranks with: the live one, a stored version, or none (popularity, rules only). */
  function modelOfPolicy(
    policy: RankingPolicy,
    live: CachedModel | null,
  ): Pick<CachedModel, 'version' | 'live'> | null {
    if (policy.kind === 'live-model') return live;
    if (policy.kind !== 'model-version') return null;
    if (live?.version === policy.version) return live;
    const stored = deps.experiments?.modelOfVersion(policy.version);
    if (!stored)
      throw new DomainError('unavailable', `Model version ${policy.version} of the experiment cannot be read.`);
    return { version: policy.version, live: stored };
  }

  return async ({ clientId, top, languageModel, shownOn, includeCredit }) => {
    if (!stores.clients.exists(clientId)) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const liveModel = await liveOrFirstTrained();
    // Read after any first training, which may have taken seconds.
    const client = stores.clients.get(clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const ruleSet = stores.ruleSets.active();
    const today = deps.clock.today();
    const at = deps.clock.nowIso();
    const request = {
      client,
      products: stores.products.list({ search: '', family: null }),
      holdings: stores.holdings.forClient(clientId),
      ruleSet,
      today,
      at,
      market: stores.market.latest(today) ?? stores.market.latest(),
      top,
      // Recorded, unwithdrawn client-requested deviations; the risk-class rule still decides whether each applies.
      deviations: stores.deviations.activeForRanking(clientId),
      includeCredit: includeCredit === true,
      // Only a ranking shown (kept as an impression) explores: one not shown is never logged, so exploring it would
      // change what the advisor sees and teach nothing.
      ...(deps.exploration && shownOn
        ? { exploration: { rate: deps.exploration.rate(), random: deps.exploration.random } }
        : {}),
    };
    // A running ranking-policy experiment decides the policy of a ranking that is shown; suitability stays with
    // rankForClient below, the same path for every arm, so no arm can show an unsuitable product.
    const assignment =
      shownOn && deps.experiments ? armForClient(deps.experiments.store, 'ranking-policy', clientId, at) : null;
    const policy = assignment?.arm.policy ?? null;
    const live = policy ? modelOfPolicy(policy, liveModel) : liveModel;
    const wantsLanguageModel = policy && 'languageModel' in policy ? policy.languageModel : languageModel;
    const ref = live?.live.languageModel ?? null;
    let about: RankingLanguageModel | null = ref ? deps.signals.availability(ref) : null;
    if (about?.used && wantsLanguageModel === 'skip') about = { ...about, used: false, reason: NOT_REQUESTED };
    // The suitable products as scored without signals, best first: the order fit is computed in.
    let candidates: { product: Product; probability: number }[] = [];
    const withoutSignals = live ? modelScorer(live.live) : policy?.kind === 'rules-only' ? rulesOnly() : popularity();
    const capturing: ProductScorer = (c, products, market, when, catalogue) => {
      const scores = withoutSignals(c, products, market, when, catalogue);
      candidates = products.map((product, i) => ({ product, probability: scores[i]!.probability }));
      return scores;
    };
    let result = rankForClient({ ...request, scorer: about?.used ? capturing : withoutSignals });
    if (live && ref && about?.used && candidates.length > 0) {
      const ordered = [...candidates]
        .sort((a, b) => b.probability - a.probability || (a.product.id < b.product.id ? -1 : 1))
        .map((c) => c.product);
      try {
        const signals = await deps.signals.forRanking(ref, client, ordered);
        if (signals) result = rankForClient({ ...request, scorer: modelScorer(live.live, { signals }) });
        // Unloaded or replaced while it waited for a draft to finish.
        else
          about = { ...about, used: false, reason: deps.signals.availability(ref).reason ?? 'unloaded while ranking' };
      } catch (error) {
        // The ranking without signals still stands; the reason tells the advisor why they are missing.
        const why = error instanceof Error ? error.message : String(error);
        about = { ...about, used: false, reason: `the signals could not be computed (${why})` };
      }
    }
    const ranking: ClientRanking = {
      clientId,
      at,
      modelVersion: live?.version ?? null,
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
      languageModel: about,
      ranked: result.ranked,
      excluded: result.excluded,
      credit: result.credit,
      impressionId: null,
    };
    if (!shownOn) return ranking;
    const id = `IM-${deps.ids.randomId().slice(0, 16).toUpperCase()}`;
    const explorationRate = request.exploration?.rate ?? 0;
    deps.stores.impressions.record({
      id,
      shownAt: at,
      surface: shownOn,
      shownTo: deps.actor,
      ranking,
      explorationRate,
      ...(assignment && policy
        ? {
            policy: policyLabel(policy, live?.version ?? null, about?.used === true),
            experiment: { id: assignment.experimentId, arm: assignment.arm.id, propensity: assignment.propensity },
          }
        : {}),
    });
    return { ...ranking, impressionId: id };
  };
}
