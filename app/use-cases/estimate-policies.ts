import { estimateOffPolicy, type Diagnostics, type Estimate, type OffPolicyResult } from '../analytics/off-policy';
import { replayLog, type ConversionOutcome, type LoggedImpression } from '../analytics/policy-replay';
import { rulesOnlyScorer } from '../experiments/rules-only-scorer';
import { fitPopularityOnOutcomes } from '../eval/popularity-baseline';
import type { Stores } from '../ports';
import { liveModelFromParams } from '../ranking/live-model';
import { modelScorer, popularityScorer, type ProductScorer } from '../ranking/product-scorer';
import { rankForClient, type RankingRequest } from '../ranking/rank-for-client';

/** Where the logged rankings come from: those shown in [from, to), and a stored model version's parameters. */
export interface OffPolicyLogSource {
  impressions(range: { from?: string; to?: string }): LoggedImpression[];
  modelParams(version: number): unknown;
}

export interface EstimatePoliciesDeps {
  stores: Pick<
    Stores,
    'clients' | 'products' | 'holdings' | 'ruleSets' | 'market' | 'deviations' | 'interactions' | 'modelVersions'
  >;
  log: OffPolicyLogSource;
}

export interface EstimatePoliciesInput {
  /** One candidate by name; absent: every candidate. */
  policy?: string;
  from?: string;
  to?: string;
  outcome?: ConversionOutcome;
  seed?: number;
  resamples?: number;
}

export type PolicyRefusal =
  | Extract<OffPolicyResult, { ok: false }>['refusal']
  | { reason: 'not-replayable' }
  | { reason: 'unknown-policy'; known: string[] };

export interface PolicyEstimate {
  policy: string;
  estimates: Estimate[];
  refusal: PolicyRefusal | null;
  diagnostics: Diagnostics | null;
}

export interface PolicyEstimates {
  outcome: ConversionOutcome;
  /** Rankings shown in the range, and those kept before propensities were recorded (left out). */
  rankings: number;
  withoutPropensities: number;
  policies: PolicyEstimate[];
}

interface Candidate {
  policy: string;
  /** null: the policy cannot be replayed on past rankings (its inputs were not kept). */
  scorer: ProductScorer | null;
}

/**
 * Off-policy estimates of each candidate ranking policy's conversion from the rankings actually shown: each logged
 * ranking's client is ranked again by the candidate (today's profile, holdings and the active rule set, at the time
 * the ranking was shown; suitability first, as always), and the estimators weigh the products both would show.
 * Candidates: every stored model version, popularity and rules only (the arms an experiment can run). A version
 * with the language model's signals cannot be replayed: the signals of past rankings were not kept.
 */
export function createEstimatePolicies(deps: EstimatePoliciesDeps): (input: EstimatePoliciesInput) => PolicyEstimates {
  const { stores } = deps;

  function candidates(): Candidate[] {
    const list: Candidate[] = [];
    for (const summary of stores.modelVersions.list()) {
      let live;
      try {
        live = liveModelFromParams(deps.log.modelParams(summary.version));
      } catch {
        continue;
      }
      list.push({ policy: `model-v${summary.version}`, scorer: modelScorer(live) });
      if (live.languageModel) list.push({ policy: `model-v${summary.version}+lm`, scorer: null });
    }
    list.push({ policy: 'popularity', scorer: popularityScorer(fitPopularityOnOutcomes(stores.interactions.all())) });
    // The same policy an experiment's rules-only arm ranks with: every suitable product equal.
    list.push({ policy: 'rules-only', scorer: rulesOnlyScorer(0.5) });
    return list;
  }

  type ReplayInputs = Omit<RankingRequest, 'scorer' | 'top'>;

  /**
   * Each logged ranking's inputs (client, holdings, deviations, market), read from the store the first time a
   * candidate replays it and shared by every candidate after; null for a client no longer in the book.
   */
  function replayInputs(): (impression: LoggedImpression) => ReplayInputs | null {
    const products = stores.products.list({ search: '', family: null });
    const ruleSet = stores.ruleSets.active();
    const read = new Map<string, ReplayInputs | null>();
    return (impression) => {
      const known = read.get(impression.id);
      if (known !== undefined) return known;
      const client = stores.clients.get(impression.clientId);
      const today = impression.shownAt.slice(0, 10);
      const inputs: ReplayInputs | null = client
        ? {
            client,
            products,
            holdings: stores.holdings.forClient(client.id),
            ruleSet,
            today,
            at: impression.shownAt,
            market: stores.market.latest(today) ?? stores.market.latest(),
            deviations: stores.deviations.activeForRanking(client.id),
            includeCredit: impression.includeCredit,
          }
        : null;
      read.set(impression.id, inputs);
      return inputs;
    };
  }

  function ranker(scorer: ProductScorer, inputsOf: (impression: LoggedImpression) => ReplayInputs | null) {
    return (impression: LoggedImpression, top: number): string[] => {
      const request = inputsOf(impression);
      return request ? rankForClient({ ...request, top, scorer }).ranked.map((p) => p.productId) : [];
    };
  }

  return (input) => {
    const outcome = input.outcome ?? 'accepted';
    const impressions = deps.log.impressions({
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
    });
    let all = candidates();
    const known = all.map((c) => c.policy);
    let withoutPropensities = impressions.filter((i) => i.shown.some((s) => s.propensity === null)).length;
    if (input.policy !== undefined) {
      all = all.filter((c) => c.policy === input.policy);
      if (all.length === 0)
        return {
          outcome,
          rankings: impressions.length,
          withoutPropensities,
          policies: [
            {
              policy: input.policy,
              estimates: [],
              refusal: { reason: 'unknown-policy', known },
              diagnostics: null,
            },
          ],
        };
    }
    const inputs = replayInputs();
    const policies = all.map((candidate): PolicyEstimate => {
      if (!candidate.scorer)
        return { policy: candidate.policy, estimates: [], refusal: { reason: 'not-replayable' }, diagnostics: null };
      const replayed = replayLog(impressions, ranker(candidate.scorer, inputs), outcome);
      withoutPropensities = replayed.withoutPropensities;
      const result = estimateOffPolicy(replayed.log, {
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
        ...(input.resamples !== undefined ? { resamples: input.resamples } : {}),
      });
      return result.ok
        ? { policy: candidate.policy, estimates: result.estimates, refusal: null, diagnostics: result.diagnostics }
        : { policy: candidate.policy, estimates: [], refusal: result.refusal, diagnostics: result.diagnostics };
    });
    return { outcome, rankings: impressions.length, withoutPropensities, policies };
  };
}
