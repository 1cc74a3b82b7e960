import { DomainError } from '../domain/domain-error';
import { isPositiveOutcome, type Interaction, type InteractionChannel, type Outcome } from '../domain';
import type { Clock, EventSink, IdSource, LanguageModelSignals, Stores } from '../ports';
import { liveModelParams } from '../ranking/live-model';
import { modelScorer } from '../ranking/product-scorer';
import type { LiveModelCache } from './live-model-cache';
import type { RecentLearning } from './undo-reaction';

export interface RecordReactionDeps {
  stores: Pick<
    Stores,
    'clients' | 'products' | 'market' | 'interactions' | 'modelVersions' | 'transactions' | 'impressions'
  >;
  cache: LiveModelCache;
  signals: LanguageModelSignals;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  actor: string;
  /** Where the model's state before each reaction is kept for an undo; absent: reactions cannot revert the model. */
  learning?: RecentLearning;
}

export interface ReactionInput {
  clientId: string;
  productId: string;
  outcome: Outcome;
  channel: InteractionChannel;
  note: string;
  impressionId?: string | undefined;
  /** The same reaction to the same product was already recorded today, and the advisor confirmed it again. */
  confirmRepeat?: boolean;
}

/** A second identical reaction on one day is usually a double click or a colleague recording it too. */
export const REPEAT_REACTION = 'repeat-reaction';

export interface RecordedReaction {
  interaction: Interaction;
  modelVersion: number | null;
  onlineUpdates: number;
}

/**
 * Stores the client's reaction to a product and lets the live model learn it at once, in one transaction: the
 * outcome and what the model learned from it commit together or not at all.
 */
export function createRecordReaction(deps: RecordReactionDeps): (input: ReactionInput) => RecordedReaction {
  const { stores } = deps;
  return ({ clientId, productId, outcome, channel, note, impressionId, confirmRepeat }) => {
    const client = stores.clients.get(clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const product = stores.products.get(productId);
    if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
    if (impressionId !== undefined) {
      const shown = stores.impressions.find(impressionId);
      if (!shown) throw new DomainError('not_found', `No ranking ${impressionId} was shown.`);
      if (shown.clientId !== clientId || !shown.rankedProductIds.includes(productId))
        throw new DomainError(
          'validation',
          `Ranking ${impressionId} did not show ${productId} to client ${clientId}; record the reaction from the ranking that did.`,
        );
    }
    const live = deps.cache.current();
    const at = deps.clock.nowIso();
    const today = deps.clock.today();
    if (!confirmRepeat) {
      const earlier = stores.interactions
        .forClient(clientId)
        .find((i) => i.productId === productId && i.outcome === outcome && i.occurredAt.slice(0, 10) === today);
      if (earlier)
        throw new DomainError(
          'conflict',
          `${REPEAT_REACTION}: "${outcome}" to ${productId} was already recorded today (${earlier.occurredAt.slice(11, 16)} UTC). Record it again only if the client reacted twice.`,
        );
    }
    const market = stores.market.latest(today) ?? stores.market.latest();
    // A version trained with language-model signals learns the reaction with the signals the product was ranked with.
    const ref = live?.live.languageModel ?? null;
    const signals =
      ref && deps.signals.availability(ref).used ? deps.signals.fromLastRanking(ref, clientId, productId) : undefined;
    const context = { client, product, market, at, channel, ...(signals ? { signals } : {}) };
    const scorer = live
      ? modelScorer(live.live, { reasons: 0, ...(signals ? { signals: new Map([[productId, signals]]) } : {}) })
      : null;
    const interaction: Interaction = {
      id: `IA-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
      clientId,
      productId,
      occurredAt: at,
      channel,
      policy: 'advisor-recorded',
      // What the live model thought before it learned this outcome: the record of the score the advisor saw.
      score: scorer ? (scorer(client, [product], market, at)[0]?.probability ?? null) : null,
      outcome,
      advisorId: deps.actor,
      note,
      ...(impressionId !== undefined ? { impressionId } : {}),
    };
    let onlineUpdates = 0;
    // What the model was before learning this, so an undo within minutes can put it back exactly.
    const paramsBefore = live && deps.learning ? JSON.stringify(liveModelParams(live.live)) : null;
    try {
      stores.transactions.write(() => {
        stores.interactions.insert([interaction]);
        if (!live) return;
        live.live.model.learn(context, isPositiveOutcome(outcome));
        onlineUpdates = stores.modelVersions.saveOnlineUpdate(live.version, liveModelParams(live.live), at);
      });
    } catch (error) {
      // The in-memory model may have learned an outcome that was not stored: read it from the store next time.
      deps.cache.forget();
      throw error;
    }
    if (live) deps.cache.learned(onlineUpdates);
    if (live && paramsBefore !== null)
      deps.learning?.remember(interaction.id, {
        version: live.version,
        paramsBefore,
        updatesAfter: onlineUpdates,
      });
    deps.events.emit('data:changed', { entity: 'interactions', id: clientId });
    if (live) deps.events.emit('data:changed', { entity: 'model' });
    return { interaction, modelVersion: live?.version ?? null, onlineUpdates };
  };
}
