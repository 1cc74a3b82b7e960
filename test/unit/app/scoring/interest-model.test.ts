import { describe, expect, it } from 'vitest';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from './scoring-fixtures';

const book = demoBook(demo());
const rows = labelledRows(demo().interactions.slice(0, 2000), book);
const model = InterestModel.train(rows, { model: { seed: 3 } });

describe('InterestModel', () => {
  it('restores from JSON with the same scores and its training range', () => {
    const restored = InterestModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const r of rows.slice(0, 20)) expect(restored.score(r.context)).toBe(model.score(r.context));
    expect(restored.trainedFrom).toBe(rows[0]!.interaction.occurredAt);
    expect(restored.trainedTo).toBe(rows[rows.length - 1]!.interaction.occurredAt);
  });

  it('gives a new client and a new product a sensible, finite score', () => {
    const base = rows[0]!.context;
    const newcomer = { ...base.client, id: 'CL-NEW', customAttributes: { segment: 'never seen' } };
    const newProduct = { ...base.product, id: 'PR-NEW', category: 'brand_new_category' };
    const p = model.score({ ...base, client: newcomer, product: newProduct, market: null, channel: null });
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.99);
  });

  it('moves toward a recorded reaction', () => {
    const copy = InterestModel.fromJSON(model.toJSON());
    const ctx = rows[5]!.context;
    const before = copy.score(ctx);
    copy.learn(ctx, false);
    expect(copy.score(ctx)).toBeLessThan(before);
  });
});
