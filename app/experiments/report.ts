import type { Experiment } from './experiment';
import {
  alwaysValidDifference,
  rateDifference,
  sampleSizePerArm,
  wilsonInterval,
  type AlwaysValidEstimate,
  type DifferenceEstimate,
  type RateEstimate,
} from './statistics';

/**
 * What an arm did: its clients (those the experiment showed something to) and how many of them converted. Conversion
 * is per client, the experiment's unit: a client converted when they accepted a product the experiment showed them
 * (a ranking under the arm, or a pitch written under the arm), once however many they accepted.
 */
export interface ArmCounts {
  arm: string;
  clients: number;
  converted: number;
}

/**
 * Each arm's clients and converted clients from single outcomes (a client in an arm, and whether that outcome was a
 * conversion): a client counts once per arm, as converted when any of their outcomes was.
 */
export function armCountsOf(outcomes: Iterable<{ unit: string; arm: string; converted: boolean }>): ArmCounts[] {
  const arms = new Map<string, Map<string, boolean>>();
  for (const o of outcomes) {
    let units = arms.get(o.arm);
    if (!units) arms.set(o.arm, (units = new Map()));
    units.set(o.unit, (units.get(o.unit) ?? false) || o.converted);
  }
  return [...arms].map(([arm, units]) => ({
    arm,
    clients: units.size,
    converted: [...units.values()].filter(Boolean).length,
  }));
}

export interface ArmResult extends RateEstimate {
  arm: string;
}

export interface ArmComparison {
  /** The arm compared against the first (control) arm. */
  arm: string;
  control: string;
  /** Fixed-sample view, honest only once the planned sample is reached. */
  fixed: DifferenceEstimate;
  /** Valid at every look. */
  alwaysValid: AlwaysValidEstimate | null;
  /** The alpha each comparison is made at: the plan's, split between comparisons (Bonferroni) with three or more arms. */
  alpha: number;
}

export type Verdict =
  | { kind: 'no-data' }
  | { kind: 'claim-early'; arm: string; control: string; direction: 'better' | 'worse' }
  | { kind: 'claim-planned'; arm: string; control: string; direction: 'better' | 'worse' }
  | { kind: 'no-difference-planned' }
  | { kind: 'not-yet'; clients: number; needed: number };

export interface ExperimentReport {
  arms: ArmResult[];
  comparisons: ArmComparison[];
  /** Clients each arm needs by the pre-registered plan, and the fewest any arm has so far. */
  progress: { neededPerArm: number; smallestArm: number; reached: boolean };
  verdict: Verdict;
}

/**
 * The A/B report of an experiment from each arm's counts: every arm's conversion with its Wilson interval, each arm
 * against the first one (difference, Newcombe interval, p-value), the always-valid interval of each difference, and
 * the pre-registered sample size as progress. The verdict reads the always-valid interval at any time and the
 * fixed-sample test only once every arm has the planned number of clients, so looking early cannot mislead.
 */
export function experimentReport(
  experiment: Pick<Experiment, 'arms' | 'plan'>,
  counts: readonly ArmCounts[],
): ExperimentReport {
  const alpha = experiment.plan.alpha;
  const byArm = new Map(counts.map((c) => [c.arm, c]));
  const arms: ArmResult[] = experiment.arms.map((arm) => {
    const c = byArm.get(arm.id) ?? { clients: 0, converted: 0 };
    return { arm: arm.id, ...wilsonInterval(c.converted, c.clients, alpha) };
  });
  const control = arms[0]!;
  const comparisonAlpha = alpha / Math.max(1, arms.length - 1);
  const comparisons: ArmComparison[] = [];
  for (const arm of arms.slice(1)) {
    const a = { successes: control.successes, trials: control.trials };
    const b = { successes: arm.successes, trials: arm.trials };
    const fixed = rateDifference(a, b, comparisonAlpha);
    if (!fixed) continue;
    comparisons.push({
      arm: arm.arm,
      control: control.arm,
      fixed,
      alwaysValid: alwaysValidDifference(a, b, comparisonAlpha, Math.abs(experiment.plan.minimumDetectableEffect)),
      alpha: comparisonAlpha,
    });
  }
  const neededPerArm = sampleSizePerArm({ ...experiment.plan, alpha: comparisonAlpha });
  const smallestArm = Math.min(...arms.map((a) => a.trials));
  const reached = smallestArm >= neededPerArm;
  return { arms, comparisons, progress: { neededPerArm, smallestArm, reached }, verdict: verdictOf() };

  function verdictOf(): Verdict {
    if (comparisons.length === 0) return { kind: 'no-data' };
    const direction = (d: number) => (d > 0 ? 'better' : 'worse');
    // The clearest always-valid claim first: it holds whenever it is read.
    const early = comparisons
      .filter((c) => c.alwaysValid && (c.alwaysValid.low > 0 || c.alwaysValid.high < 0))
      .sort((x, y) => Math.abs(y.fixed.difference) - Math.abs(x.fixed.difference))[0];
    if (early)
      return {
        kind: 'claim-early',
        arm: early.arm,
        control: early.control,
        direction: direction(early.fixed.difference),
      };
    if (!reached) return { kind: 'not-yet', clients: smallestArm, needed: neededPerArm };
    const planned = comparisons
      .filter((c) => c.fixed.pValue < c.alpha)
      .sort((x, y) => x.fixed.pValue - y.fixed.pValue)[0];
    if (planned)
      return {
        kind: 'claim-planned',
        arm: planned.arm,
        control: planned.control,
        direction: direction(planned.fixed.difference),
      };
    return { kind: 'no-difference-planned' };
  }
}
