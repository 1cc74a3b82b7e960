import { describe, expect, it } from 'vitest';
import {
  drawArm,
  ExperimentRefusedError,
  parseExperimentDefinition,
  policyLabel,
  SUITABILITY_REFUSAL,
} from '../../../../app/experiments/experiment';
import { experimentReport } from '../../../../app/experiments/report';
import { mulberry32 } from '../../../../app/random/mulberry32';

const plan = { baselineRate: 0.1, minimumDetectableEffect: 0.02, alpha: 0.05, power: 0.8 };
const rankingTest = {
  name: 'Model against popularity',
  kind: 'ranking-policy',
  arms: [
    { id: 'A', share: 0.5, policy: { kind: 'popularity' } },
    { id: 'B', share: 0.5, policy: { kind: 'live-model', languageModel: 'skip' } },
  ],
  plannedStart: '2026-12-01',
  plannedStop: '2027-01-31',
  plan,
};

function refusal(input: unknown): ExperimentRefusedError {
  try {
    parseExperimentDefinition(input);
  } catch (error) {
    if (error instanceof ExperimentRefusedError) return error;
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe('parseExperimentDefinition', () => {
  it('accepts a ranking-policy test and a pitch-variant test', () => {
    expect(parseExperimentDefinition(rankingTest).unit).toBe('client');
    const pitch = parseExperimentDefinition({
      ...rankingTest,
      kind: 'pitch-variant',
      arms: [
        { id: 'template', share: 0.5, pitch: { tone: 'warm', length: 'medium', source: 'template' } },
        { id: 'model', share: 0.5, pitch: { tone: 'warm', length: 'medium', source: 'model' } },
      ],
    });
    expect(pitch.arms.map((a) => a.id)).toEqual(['template', 'model']);
  });

  it('refuses an arm that tries to reach past suitability, saying so', () => {
    for (const arm of [
      { id: 'B', share: 0.5, policy: { kind: 'popularity' }, includeUnsuitable: true },
      { id: 'B', share: 0.5, policy: { kind: 'rules-only', skipSuitability: true } },
      { id: 'B', share: 0.5, policy: { kind: 'popularity' }, products: ['P-1'] },
      { id: 'B', share: 0.5, policy: { kind: 'popularity' }, ruleSet: { risk: 'ignore' } },
    ]) {
      const error = refusal({ ...rankingTest, arms: [rankingTest.arms[0], arm] });
      expect(error.message).toBe(SUITABILITY_REFUSAL);
    }
  });

  it('refuses a policy that is not one of the known ones', () => {
    const error = refusal({
      ...rankingTest,
      arms: [rankingTest.arms[0], { id: 'B', share: 0.5, policy: { kind: 'all-products' } }],
    });
    expect(error.problems[0]!.field).toBe('arms.1.policy.kind');
  });

  it('names every problem: shares, duplicate arms, the wrong kind of arm and the dates', () => {
    const error = refusal({
      ...rankingTest,
      arms: [
        { id: 'A', share: 0.5, policy: { kind: 'popularity' } },
        { id: 'A', share: 0.4, pitch: { tone: 'warm', length: 'short', source: 'template' } },
      ],
      plannedStop: '2026-11-01',
    });
    expect(error.problems.map((p) => p.field)).toEqual(['arms', 'arms.1.id', 'arms.1', 'plannedStop']);
    expect(error.message).toContain('add up to 0.9');
  });

  it('refuses two arms that do the same thing', () => {
    const error = refusal({
      ...rankingTest,
      arms: [
        { id: 'A', share: 0.5, policy: { kind: 'popularity' } },
        { id: 'B', share: 0.5, policy: { kind: 'popularity' } },
      ],
    });
    expect(error.message).toContain('nothing to compare');
  });
});

describe('drawArm', () => {
  const experiment = {
    id: 'EX-1',
    arms: [
      { id: 'A', share: 0.2, policy: { kind: 'popularity' as const } },
      { id: 'B', share: 0.8, policy: { kind: 'rules-only' as const } },
    ],
  };

  it('gives a client the same arm every time, with the arm’s share as its probability', () => {
    const first = drawArm(experiment, 'C-0001', mulberry32);
    for (let i = 0; i < 5; i++) expect(drawArm(experiment, 'C-0001', mulberry32)).toEqual(first);
    expect(first.propensity).toBe(first.arm.share);
  });

  it('splits many clients close to the shares', () => {
    let a = 0;
    for (let i = 0; i < 10000; i++) if (drawArm(experiment, `C-${i}`, mulberry32).arm.id === 'A') a++;
    // 2,000 expected; a binomial sd is 40.
    expect(a).toBeGreaterThan(1840);
    expect(a).toBeLessThan(2160);
  });
});

describe('policyLabel', () => {
  it('names the policy the way impressions are grouped', () => {
    expect(policyLabel({ kind: 'rules-only' }, 3, false)).toBe('rules-only');
    expect(policyLabel({ kind: 'live-model', languageModel: 'use' }, 12, true)).toBe('model-v12+lm');
    expect(policyLabel({ kind: 'model-version', version: 7, languageModel: 'skip' }, 12, false)).toBe('model-v7');
  });
});

describe('experimentReport', () => {
  const experiment = parseExperimentDefinition(rankingTest);

  it('has nothing to say before both arms have clients', () => {
    expect(experimentReport(experiment, [{ arm: 'A', clients: 10, converted: 1 }]).verdict).toEqual({
      kind: 'no-data',
    });
  });

  it('says no difference can be claimed yet while a small, noisy difference is below the planned sample', () => {
    const report = experimentReport(experiment, [
      { arm: 'A', clients: 400, converted: 40 },
      { arm: 'B', clients: 400, converted: 62 },
    ]);
    // The fixed-sample test alone would call this (p < 0.05); the always-valid interval does not, and the plan is far off.
    expect(report.comparisons[0]!.fixed.pValue).toBeLessThan(0.05);
    expect(report.verdict).toEqual({ kind: 'not-yet', clients: 400, needed: 3841 });
    expect(report.progress.reached).toBe(false);
  });

  it('claims a difference early only when the always-valid interval excludes none', () => {
    const report = experimentReport(experiment, [
      { arm: 'A', clients: 3000, converted: 300 },
      { arm: 'B', clients: 3000, converted: 450 },
    ]);
    expect(report.verdict).toEqual({ kind: 'claim-early', arm: 'B', control: 'A', direction: 'better' });
  });

  it('reads the fixed-sample test once the planned sample is reached', () => {
    const report = experimentReport(experiment, [
      { arm: 'A', clients: 4000, converted: 400 },
      { arm: 'B', clients: 4000, converted: 470 },
    ]);
    expect(report.progress.reached).toBe(true);
    expect(report.comparisons[0]!.alwaysValid!.low).toBeLessThan(0);
    expect(report.verdict).toEqual({ kind: 'claim-planned', arm: 'B', control: 'A', direction: 'better' });
    const none = experimentReport(experiment, [
      { arm: 'A', clients: 4000, converted: 400 },
      { arm: 'B', clients: 4000, converted: 405 },
    ]);
    expect(none.verdict).toEqual({ kind: 'no-difference-planned' });
  });

  it('splits alpha between comparisons when there are three arms', () => {
    const three = parseExperimentDefinition({
      ...rankingTest,
      arms: [
        { id: 'A', share: 0.4, policy: { kind: 'popularity' } },
        { id: 'B', share: 0.3, policy: { kind: 'rules-only' } },
        { id: 'C', share: 0.3, policy: { kind: 'live-model', languageModel: 'use' } },
      ],
    });
    const report = experimentReport(three, [
      { arm: 'A', clients: 100, converted: 10 },
      { arm: 'B', clients: 100, converted: 12 },
      { arm: 'C', clients: 100, converted: 9 },
    ]);
    expect(report.comparisons.map((c) => [c.arm, c.alpha])).toEqual([
      ['B', 0.025],
      ['C', 0.025],
    ]);
  });
});
