import { describe, expect, it } from 'vitest';
import { estimateOffPolicy, type Estimate } from '../../../app/analytics/off-policy';
import { wilsonInterval } from '../../../app/experiments/statistics';
import { mulberry32 } from '../../../app/random/mulberry32';
import {
  HILLSTROM_CSV as FILE,
  readHillstromRows as readRows,
  uniformLog,
  type Arm,
  type Row,
} from '../../quality/hillstrom';

/**
 * Issue 15 (b): the off-policy estimators checked against a real randomised experiment. The Hillstrom e-mail test
 * assigned each of 64,000 customers at random to a men's e-mail, a women's e-mail or no e-mail, one third each: a
 * log of a uniform random policy, propensity 1/3 on every row. "Send the men's e-mail to everyone" (and each other
 * arm) is a deterministic candidate policy, and its true value is that arm's own randomised outcome. IPS, SNIPS and
 * DR computed from the whole log must land on it.
 */
function byName(estimates: Estimate[]): Record<Estimate['estimator'], Estimate> {
  return Object.fromEntries(estimates.map((e) => [e.estimator, e])) as Record<Estimate['estimator'], Estimate>;
}

const describeIfFile = FILE ? describe : describe.skip;
if (!FILE)
  console.warn(
    'Hillstrom check skipped: ../shared/datasets/hillstrom_email/hillstrom.csv was not found next to the repository ' +
      '(set HILLSTROM_CSV to its path).',
  );

describeIfFile('off-policy estimates against the Hillstrom randomised e-mail test', () => {
  const rows = FILE ? readRows(FILE) : [];
  const n = rows.length;

  it('reads the file the README describes: 64,000 customers in three nearly equal arms', () => {
    expect(n).toBe(64_000);
    const count = (arm: Arm) => rows.filter((r) => r.arm === arm).length;
    expect([count('womens'), count('mens'), count('none')]).toEqual([21_387, 21_307, 21_306]);
    expect(rows.reduce((s, r) => s + r.conversion, 0)).toBe(578);
    expect(rows.reduce((s, r) => s + r.visit, 0)).toBe(9_394);
  });

  for (const outcome of ['conversion', 'visit'] as const)
    for (const arm of ['mens', 'womens', 'none'] as const)
      it(`estimates "${arm} for everyone" (${outcome}) within the arm's true randomised rate, and it within theirs`, () => {
        const inArm = rows.filter((r) => r.arm === arm);
        const successes = inArm.reduce((s, r) => s + r[outcome], 0);
        const truth = successes / inArm.length;
        const truthInterval = wilsonInterval(successes, inArm.length);

        const result = estimateOffPolicy(
          uniformLog(rows, outcome, () => arm),
          { resamples: 400, seed: 15 },
        );
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
        const e = byName(result.estimates);

        // What theory says for a deterministic target on a uniform log: IPS is the arm's mean scaled by how far the
        // arm's size strays from a third; SNIPS divides that out; DR with each arm's mean as reward model is the mean.
        expect(e.ips.value).toBeCloseTo((truth * inArm.length) / (n / 3), 12);
        expect(e.snips.value).toBeCloseTo(truth, 12);
        expect(e.dr.value).toBeCloseTo(truth, 12);
        // The weights are 3 on the arm's rows and 0 elsewhere: the estimate is worth exactly the arm's customers.
        expect(result.diagnostics.effectiveSampleSize).toBeCloseTo(inArm.length, 6);

        for (const estimate of result.estimates) {
          expect(estimate.value).toBeGreaterThanOrEqual(truthInterval.low);
          expect(estimate.value).toBeLessThanOrEqual(truthInterval.high);
          expect(truth).toBeGreaterThanOrEqual(estimate.interval.low);
          expect(truth).toBeLessThanOrEqual(estimate.interval.high);
          // An interval of the right width: the bootstrap's is about as wide as the arm's own (IPS a little wider,
          // since it also carries the arm's size).
          const ratio = (estimate.interval.high - estimate.interval.low) / (truthInterval.high - truthInterval.low);
          expect(ratio).toBeGreaterThan(0.75);
          expect(ratio).toBeLessThan(1.6);
        }
      });

  it('estimates a policy that depends on the customer (by what they bought before) within its true value', () => {
    // Men's e-mail to those who bought only men's items, women's to those who bought only women's, none otherwise.
    const policy = (r: Row): Arm => (r.mens && !r.womens ? 'mens' : r.womens && !r.mens ? 'womens' : 'none');
    // Its true value from the randomisation: in each group, the rate of the arm the policy picks, weighted by size.
    const groups = new Map<Arm, { size: number; hit: number; success: number }>();
    for (const r of rows) {
      const g = groups.get(policy(r)) ?? { size: 0, hit: 0, success: 0 };
      g.size += 1;
      if (r.arm === policy(r)) {
        g.hit += 1;
        g.success += r.conversion;
      }
      groups.set(policy(r), g);
    }
    let truth = 0;
    let variance = 0;
    for (const g of groups.values()) {
      const p = g.success / g.hit;
      truth += (g.size / n) * p;
      variance += (g.size / n) ** 2 * ((p * (1 - p)) / g.hit);
    }
    const half = 1.96 * Math.sqrt(variance);

    const result = estimateOffPolicy(uniformLog(rows, 'conversion', policy), { resamples: 400, seed: 16 });
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
    for (const estimate of result.estimates) {
      expect(Math.abs(estimate.value - truth)).toBeLessThanOrEqual(half);
      expect(truth).toBeGreaterThanOrEqual(estimate.interval.low);
      expect(truth).toBeLessThanOrEqual(estimate.interval.high);
    }
  });

  it('estimates each arm from a skewed logged mix (4 : 2 : 1) within the bootstrap interval of its true rate', () => {
    // A logging policy that sent the men's e-mail four times as often as none and the women's twice: drawn from the
    // randomised rows by keeping each arm's rows with its own chance (seeded), so assignment stays independent of
    // the customer and the design probabilities 4/7, 2/7 and 1/7 are the propensities.
    const keep: Record<Arm, number> = { mens: 1, womens: 0.5, none: 0.25 };
    const propensity: Record<Arm, number> = { mens: 4 / 7, womens: 2 / 7, none: 1 / 7 };
    const random = mulberry32(2008);
    const kept = rows.filter((r) => random() < keep[r.arm]);
    for (const outcome of ['conversion', 'visit'] as const)
      for (const arm of ['mens', 'womens', 'none'] as const) {
        const inArm = rows.filter((r) => r.arm === arm);
        const truth = inArm.reduce((s, r) => s + r[outcome], 0) / inArm.length;
        const log = kept.map((r) => ({
          shown: [{ action: r.arm, propensity: propensity[r.arm], reward: r[outcome] }],
          candidate: [{ action: arm, logProbability: propensity[arm] }],
        }));
        const result = estimateOffPolicy(log, { resamples: 300, seed: 17 });
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
        for (const estimate of result.estimates) {
          expect(truth).toBeGreaterThanOrEqual(estimate.interval.low);
          expect(truth).toBeLessThanOrEqual(estimate.interval.high);
        }
        // The rarer the arm in the log, the less the estimate is worth: about the arm's kept rows.
        const keptInArm = kept.filter((r) => r.arm === arm).length;
        expect(Math.abs(result.diagnostics.effectiveSampleSize - keptInArm) / keptInArm).toBeLessThan(0.01);
      }
  });

  it('refuses a candidate whose action the log never took, and says so', () => {
    // A log where no customer got the women's e-mail (the other two arms, half each): "women's for everyone" has
    // no support there, and an estimate would be made up.
    const withoutWomens = rows
      .filter((r) => r.arm !== 'womens')
      .map((r) => ({
        shown: [{ action: r.arm, propensity: 1 / 2, reward: r.conversion }],
        candidate: [{ action: 'womens', logProbability: 0 }],
      }));
    const result = estimateOffPolicy(withoutWomens, { resamples: 50 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ reason: 'unsupported', share: 1, examples: ['womens'] });
    expect(result.diagnostics.matched).toBe(0);
  });
});
