import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../app/demo/demo-data';
import { selectionView } from '../../../../app/domain/model-version';
import { renderMessage } from '../../../../app/messages';
import { CANDIDATES } from '../../../../app/scoring/model-selection';
import { DEFAULT_RULE_SET } from '../../../../app/suitability';
import { trainVersion } from '../../../../app/training/train-version';
import { liveModelFromParams } from '../../../../app/ranking/live-model';
import { logitOf } from '../../../../app/ranking/platt-calibration';
import { modelScorer } from '../../../../app/ranking/product-scorer';

const TODAY = '2026-06-15';

function trainingData(interactionCount: number) {
  const data = generateDemoData({ today: TODAY, clientCount: 150, interactionCount });
  const book = {
    clients: data.clients.map((c) => ({ ...c.profile, id: c.id, riskClass: c.riskClass })),
    products: data.products,
    marketSnapshots: data.marketSnapshots,
  };
  return { interactions: data.interactions, book, ruleSet: DEFAULT_RULE_SET };
}

/** The text an advisor reads on the Model page, in both languages, with every value filled in. */
function shown(view: NonNullable<ReturnType<typeof selectionView>>) {
  return (['en', 'zh-CN'] as const).flatMap((language) => [
    renderMessage(view.about, language),
    renderMessage(view.reason, language),
  ]);
}

describe('a retrain chooses its own settings and says which and why', () => {
  it('records the candidate chosen on the latest training outcomes, the same for the same data and seed', () => {
    const input = trainingData(3000);
    const first = trainVersion(input);
    const view = selectionView(first.metrics)!;
    expect(CANDIDATES.map((c) => c.name)).toContain(view.chosen);
    expect(view.candidates.map((c) => c.name)).toEqual(CANDIDATES.map((c) => c.name));
    expect(view.judgedRows).toBeGreaterThan(0);
    for (const text of shown(view)) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/[{}]/);
    }
    expect(['selection.defaultHeldWithGain', 'selection.beatDefaultWithGain']).toContain(view.reason.key);
    // Deterministic for the seed: the choice and the live model's weights come out the same again.
    const again = trainVersion(input);
    expect(selectionView(again.metrics)).toEqual(view);
    expect(JSON.stringify(again.params)).toBe(JSON.stringify(first.params));
  });

  it('keeps the default settings, saying why, when too few recent outcomes exist to choose', () => {
    const view = selectionView(trainVersion(trainingData(400)).metrics)!;
    expect(view.chosen).toBe('default');
    expect(view.reason.key).toBe('selection.tooFew');
    expect(view.candidates).toEqual([]);
    for (const text of shown(view)) expect(text).not.toMatch(/[{}]/);
  });
});

describe('a retrain recalibrates the probabilities it serves', () => {
  it('records which recalibration it uses and the held-out ECE before and after, and serves the recalibrated probabilities', () => {
    const input = trainingData(3000);
    const version = trainVersion(input);
    const recorded = version.metrics.calibration!;
    expect(recorded.method).toBe('shift');
    expect(recorded.a).toBe(1);
    for (const figure of [recorded.eceRaw, recorded.eceCalibrated, recorded.eceFloor])
      expect(figure).toBeGreaterThanOrEqual(0);
    // The version's headline calibration error is that of the probabilities an advisor is shown.
    expect(version.metrics.model!.ece).toBe(recorded.eceCalibrated);
    const live = liveModelFromParams(JSON.parse(JSON.stringify(version.params)));
    expect(live.calibration).toMatchObject({ kind: 'platt', method: 'shift', a: 1 });
    // What the desk shows for a client's products is the stored model's probability moved by the stored shift.
    const shift = live.calibration!.b;
    expect(shift).not.toBe(0);
    const client = input.book.clients[0]!;
    const products = input.book.products.slice(0, 20);
    const market = input.book.marketSnapshots.at(-1)!;
    const at = `${TODAY}T09:00:00.000Z`;
    const shown = modelScorer(live)(client, products, market, at);
    products.forEach((product, i) => {
      const own = live.model.score({ client, product, market, at, channel: null });
      expect(shown[i]!.probability).toBeCloseTo(1 / (1 + Math.exp(-(logitOf(own) + shift))), 9);
    });
  });
});
