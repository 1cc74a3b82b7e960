import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../app/demo/demo-data';
import { DomainError } from '../../../../app/domain/domain-error';
import type { EventSink, LanguageModelSignals, Trainer } from '../../../../app/ports';
import { checkSuitability, DEFAULT_RULE_SET } from '../../../../app/suitability';
import { trainVersion } from '../../../../app/training/train-version';
import { LiveModelCache } from '../../../../app/use-cases/live-model-cache';
import { createRankClient } from '../../../../app/use-cases/rank-client';
import { createRecordReaction } from '../../../../app/use-cases/record-reaction';
import { createRetrainer, RETRAIN_CANCELLED } from '../../../../app/use-cases/retrain';
import { inMemoryBook } from '../../../fakes/in-memory-book';

const TODAY = '2026-06-15';
const clock = { nowIso: () => `${TODAY}T09:30:00.000Z`, today: () => TODAY };
let nextId = 0;
const ids = { randomId: () => (++nextId).toString(16).padStart(32, '0') };

/** No language model is loaded: the state of a desk that never loaded one. */
const noLanguageModel: LanguageModelSignals = {
  requireLoaded: () => {
    throw new DomainError('validation', 'Load a language model first.');
  },
  availability: (ref) => ({ ...ref, used: false, reason: 'not loaded' }),
  forRanking: async () => null,
  fromLastRanking: () => undefined,
  forTraining: async () => {
    throw new Error('not loaded');
  },
};

function setup(options: { interactionCount?: number } = {}) {
  const data = generateDemoData({ today: TODAY, clientCount: 60, interactionCount: options.interactionCount ?? 500 });
  const stores = inMemoryBook(data);
  const trained: number[] = [];
  // Trains on this thread: the port only promises the work happens away from the caller, not where.
  const trainer: Trainer = {
    train: async (input, signal) => {
      signal?.throwIfAborted();
      trained.push(input.interactions.length);
      return trainVersion(input);
    },
  };
  const events: { event: string; payload: unknown }[] = [];
  const sink: EventSink = { emit: (event, payload) => void events.push({ event, payload }) };
  const common = { stores, clock, ids, events: sink, actor: 'advisor-7', signals: noLanguageModel };
  const cache = new LiveModelCache(stores.modelVersions);
  const retrainer = createRetrainer({ ...common, trainer });
  return {
    data,
    stores,
    trained,
    events,
    retrainer,
    rank: createRankClient({ ...common, cache, retrainer }),
    record: createRecordReaction({ ...common, cache }),
  };
}

describe('the interest model use-cases over in-memory ports', () => {
  it('trains the first version on the first ranking and ranks only products that pass suitability', async () => {
    const { data, stores, trained, rank } = setup();
    const client = data.clients.find((c) => c.profile.kind === 'individual')!;
    const ranking = await rank({ clientId: client.id, top: 10 });
    expect(trained).toHaveLength(1);
    expect(ranking.modelVersion).toBe(1);
    expect(ranking.languageModel).toBeNull();
    expect(ranking.ranked.length).toBeGreaterThan(0);
    const stored = stores.clients.get(client.id)!;
    for (const row of ranking.ranked) {
      const product = stores.products.get(row.productId)!;
      const verdict = checkSuitability(stored, product, {
        holdings: [],
        today: TODAY,
        ruleSet: DEFAULT_RULE_SET,
        catalog: data.products,
      });
      expect(verdict.suitable, row.productId).toBe(true);
    }
    for (const row of ranking.excluded) expect(row.failed.length).toBeGreaterThan(0);
    // The second ranking reuses the version instead of training again.
    await rank({ clientId: client.id, top: 10 });
    expect(trained).toHaveLength(1);
  });

  it('records a reaction with the score the advisor saw, and the live version learns it at once', async () => {
    const { data, stores, events, rank, record } = setup();
    const client = data.clients.find((c) => c.profile.kind === 'individual')!;
    const ranking = await rank({ clientId: client.id, top: 5 });
    const shown = ranking.ranked[0]!;
    const before = stores.interactions.count();
    const recorded = record({
      clientId: client.id,
      productId: shown.productId,
      outcome: 'accepted',
      channel: 'meeting',
      note: '',
    });
    expect(stores.interactions.count()).toBe(before + 1);
    expect(recorded.interaction).toMatchObject({
      clientId: client.id,
      productId: shown.productId,
      advisorId: 'advisor-7',
      occurredAt: clock.nowIso(),
    });
    expect(recorded.interaction.score).toBeCloseTo(shown.probability, 9);
    expect(recorded).toMatchObject({ modelVersion: 1, onlineUpdates: 1 });
    expect(stores.versionsStored()[0]!.summary.onlineUpdates).toBe(1);
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'interactions', id: client.id } });
    // What was learned changes the next ranking's score for that product.
    const after = await rank({ clientId: client.id, top: 5 });
    const again = [...after.ranked].find((r) => r.productId === shown.productId)!;
    expect(again.probability).toBeGreaterThan(shown.probability);
  });

  it('falls back to popularity when too few outcomes exist, without retrying the training until data changes', async () => {
    const { data, trained, rank } = setup({ interactionCount: 5 });
    const client = data.clients[0]!;
    const first = await rank({ clientId: client.id, top: 5 });
    const second = await rank({ clientId: client.id, top: 5 });
    expect(first.modelVersion).toBeNull();
    expect(second.modelVersion).toBeNull();
    // Tried once, refused for too few outcomes, and not tried again for the same data.
    expect(trained).toHaveLength(1);
    expect(first.ranked.length).toBeGreaterThan(0);
  });

  it('refuses a retrain with language-model signals when none is loaded, and a cancelled one stores nothing', async () => {
    const { stores, trained, retrainer } = setup();
    await expect(retrainer.retrain('retrain', { languageModel: true })).rejects.toMatchObject({ code: 'validation' });
    const controller = new AbortController();
    controller.abort();
    await expect(retrainer.retrain('retrain', { signal: controller.signal })).rejects.toThrow(RETRAIN_CANCELLED);
    expect(trained).toHaveLength(0);
    expect(stores.modelVersions.list()).toEqual([]);
  });

  it('answers not_found for a client that is not in the book', async () => {
    const { rank } = setup();
    await expect(rank({ clientId: 'CL-NOPE', top: 5 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
