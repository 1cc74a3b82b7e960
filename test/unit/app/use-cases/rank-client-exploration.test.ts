import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../app/demo/demo-data';
import { DomainError } from '../../../../app/domain/domain-error';
import type { LanguageModelSignals, RankingImpression } from '../../../../app/ports';
import { mulberry32 } from '../../../../app/random/mulberry32';
import { trainVersion } from '../../../../app/training/train-version';
import { LiveModelCache } from '../../../../app/use-cases/live-model-cache';
import { createRankClient } from '../../../../app/use-cases/rank-client';
import { createRetrainer } from '../../../../app/use-cases/retrain';
import { inMemoryBook } from '../../../fakes/in-memory-book';

const TODAY = '2026-06-15';
const clock = { nowIso: () => `${TODAY}T09:30:00.000Z`, today: () => TODAY };
let nextId = 0;
const ids = { randomId: () => (++nextId).toString(16).padStart(32, '0') };
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

/** A ranking use-case over the demo book whose chance comes from a seeded source, so each run is the same. */
function setup(rate: number) {
  const data = generateDemoData({ today: TODAY, clientCount: 60, interactionCount: 500 });
  const stores = inMemoryBook(data);
  const recorded: RankingImpression[] = [];
  const record = stores.impressions.record;
  stores.impressions.record = (impression) => {
    recorded.push(impression);
    record(impression);
  };
  const common = {
    stores,
    clock,
    ids,
    events: { emit: () => undefined },
    actor: 'advisor-7',
    signals: noLanguageModel,
  };
  const retrainer = createRetrainer({ ...common, trainer: { train: async (input) => trainVersion(input) } });
  const rank = createRankClient({
    ...common,
    cache: new LiveModelCache(stores.modelVersions),
    retrainer,
    exploration: { rate: () => rate, random: mulberry32(7) },
  });
  return { data, rank, recorded };
}

describe('rankings explore as set, and only when shown', () => {
  it('keeps the exploration rate and each product’s propensity on the impression', async () => {
    const { data, rank, recorded } = setup(0.5);
    const clients = data.clients.filter((c) => c.profile.kind === 'individual').slice(0, 12);
    let explored = 0;
    for (const client of clients) {
      const ranking = await rank({ clientId: client.id, top: 3, shownOn: 'app' });
      if (ranking.ranked.length === 0) continue;
      expect(ranking.ranked.slice(0, -1).every((p) => p.propensity === 1)).toBe(true);
      const last = ranking.ranked.at(-1)!;
      if (last.explored) explored += 1;
      expect(last.propensity).toBeGreaterThan(0);
      expect(recorded.at(-1)!.explorationRate).toBe(0.5);
      expect(recorded.at(-1)!.ranking.ranked.map((p) => p.propensity)).toEqual(ranking.ranked.map((p) => p.propensity));
    }
    expect(explored).toBeGreaterThan(0);
  });

  it('does not explore a ranking that is not shown: the same list every time, without propensities', async () => {
    const { data, rank } = setup(0.5);
    const client = data.clients.find((c) => c.profile.kind === 'individual')!;
    const lists = await Promise.all([1, 2, 3, 4, 5].map(() => rank({ clientId: client.id, top: 3 })));
    const first = lists[0]!.ranked.map((p) => p.productId);
    for (const list of lists) {
      expect(list.ranked.map((p) => p.productId)).toEqual(first);
      expect(list.ranked.every((p) => p.propensity === undefined && !p.explored)).toBe(true);
    }
  });
});
