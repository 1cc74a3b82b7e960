import { describe, expect, it } from 'vitest';
import { measureQuality, type ModelName, type QualityRow } from '../../../quality/model-quality';
import { SYNTHETIC_SETS } from '../../../quality/synthetic-datasets';

/**
 * The interest model against a tuned logistic regression on synthetic tabular sets that are not the demo data
 * (test/quality). Half-size sets and one seed keep this to a few seconds; the margins are about half of what
 * was measured, and each fails if the part it guards is switched off: without factors the FM is a logistic
 * regression (multi-product), without quantile bins it cannot draw the insurance set's thresholds.
 */
const auc = (rows: readonly QualityRow[], model: ModelName) => rows.find((r) => r.model === model)!.auc;

describe('interest model quality on synthetic tabular data (time split 0.8)', () => {
  it('learns client × product interactions that a tuned logistic regression cannot (multi-product cross-sell)', () => {
    const rows = measureQuality(SYNTHETIC_SETS['multi-product'](1, 0.5), { seed: 1, models: ['FM', 'LR tuned'] });
    expect(auc(rows, 'FM')).toBeGreaterThan(auc(rows, 'LR tuned') + 0.012);
  });

  it('draws thresholds and U-shapes in numeric columns that a plain tuned logistic regression cannot (insurance cross-sell)', () => {
    const rows = measureQuality(SYNTHETIC_SETS['insurance-cross-sell'](1, 0.5), {
      seed: 1,
      models: ['FM', 'LR tuned (no bins)'],
    });
    expect(auc(rows, 'FM')).toBeGreaterThan(auc(rows, 'LR tuned (no bins)') + 0.02);
  });
});
