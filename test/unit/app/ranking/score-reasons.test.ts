import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import { conceptOf, reasonText as reasonMessage } from '../../../../app/ranking/reason-phrases';
import { explainScore } from '../../../../app/ranking/score-reasons';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import type { ScoringContext } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from '../scoring/scoring-fixtures';

/** A reason as the advisor reads it, in both languages. */
const reasonText = (...args: Parameters<typeof reasonMessage>) => recordedText(reasonMessage(...args));

const CJK = /[\u4e00-\u9fff]/;
const CUSTOM = /^(client|product|market)\.custom\.|^llm\./;

function contexts(): ScoringContext[] {
  const data = demo();
  const book = demoBook(data);
  const market = data.marketSnapshots.at(-1)!;
  // Individuals and businesses, with custom attributes and a language-model signal, against every product.
  return book.clients.slice(0, 12).flatMap((client, i) =>
    data.products.map((product) => ({
      client: { ...client, customAttributes: { segment: i % 2 ? 'private' : 'mass', tenureYears: i } },
      product: { ...product, customAttributes: { esgScore: 71 } },
      market,
      at: '2026-11-28T09:00:00.000Z',
      channel: 'meeting' as const,
      contextAttributes: { promo: 'spring' },
      signals: { fit: 0.8 },
    })),
  );
}

describe('score reasons', () => {
  it('has advisor words, in English and Chinese, for every feature group the raw features produce', () => {
    const features = new Set<string>();
    for (const ctx of contexts().slice(0, 400)) {
      const raw = rawFeatures(ctx);
      for (const name of [...Object.keys(raw.numeric), ...Object.keys(raw.categorical)]) features.add(name);
    }
    const ctx = contexts()[0]!;
    const unnamed: string[] = [];
    for (const feature of features) {
      const concept = conceptOf(feature);
      for (const up of [true, false]) {
        const text = reasonText(concept, up, { feature, value: null, context: ctx });
        expect(text.en.length).toBeGreaterThan(5);
        expect(text.zh).toMatch(CJK);
        // Only custom attributes and signals may show their own name; everything else is in plain words.
        if (!CUSTOM.test(feature) && (text.en.includes(feature) || concept === feature)) unnamed.push(feature);
      }
    }
    expect([...new Set(unnamed)]).toEqual([]);
  });

  it('names custom attributes and signals by their own name with their value', () => {
    const ctx = contexts()[1]!;
    expect(
      reasonText(conceptOf('client.custom.segment'), true, {
        feature: 'client.custom.segment',
        value: 'mass',
        context: ctx,
      }).en,
    ).toBe("The client's segment (mass) counts for it");
    // A signal's name is the app's own word, so it reads in the reader's language, not as the code "fit".
    const signal = reasonText(conceptOf('llm.fit'), false, { feature: 'llm.fit', value: null, context: ctx });
    expect(signal.en).toContain('"fit with the stated needs" (0.8)');
    expect(signal.zh).toContain('"与所述需求的契合度"（0.8）');
  });

  it('gives words with the figures: objective, risk above the class, fees', () => {
    const ctx = contexts().find(
      (c) => c.client.riskClass === 'C2' && c.product.riskGrade === 'R4' && c.product.annualFeePct > 0,
    )!;
    expect(reasonText('risk', false, { feature: 'cross.riskGapAbove', value: null, context: ctx })).toEqual({
      en: 'Product risk R4 is above what this client usually takes',
      zh: '产品风险R4高于该客户通常接受的水平',
    });
    expect(
      reasonText('objective', true, { feature: 'cross.objectiveXCategory', value: 'growth|equity', context: ctx }).en,
    ).toBe("Matches the client's growth objective");
    expect(reasonText('fees', false, { feature: 'product.annualFeePct', value: null, context: ctx }).en).toBe(
      `Fee of ${ctx.product.annualFeePct}% a year counts against it`,
    );
  });

  it('groups every contribution: with no limit the reasons add up to the score less the bias', () => {
    const data = demo();
    const rows = labelledRows(data.interactions.slice(0, 1500), demoBook(data));
    const model = InterestModel.train(rows);
    for (const row of rows.slice(0, 20)) {
      const x = encodeFeatures(model.encoding, rawFeatures(row.context));
      const reasons = explainScore(model.encoding, model.machine.contributions(x), row.context, {
        limit: Infinity,
        minAbs: 0,
      });
      const total = reasons.reduce((s, r) => s + r.logOdds, 0);
      expect(total).toBeCloseTo(model.machine.predictLogit(x) - model.machine.toJSON().bias, 6);
      const top = explainScore(model.encoding, model.machine.contributions(x), row.context);
      expect(top.length).toBeLessThanOrEqual(4);
      expect(top.map((r) => Math.abs(r.logOdds))).toEqual(
        [...top.map((r) => Math.abs(r.logOdds))].sort((a, b) => b - a),
      );
    }
  });
});
