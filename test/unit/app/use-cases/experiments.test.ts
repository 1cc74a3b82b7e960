import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../app/domain/domain-error';
import type { ArmAssignment, Experiment } from '../../../../app/experiments/experiment';
import type { ExperimentStore } from '../../../../app/ports/experiment-store';
import { armForClient, draftUnderExperiment } from '../../../../app/use-cases/experiments';

const pitchTest: Experiment = {
  id: 'EX-P',
  name: 'Template against model',
  kind: 'pitch-variant',
  unit: 'client',
  arms: [
    { id: 'model', share: 0.999999, pitch: { tone: 'concise', length: 'short', source: 'model' } },
    { id: 'template', share: 0.000001, pitch: { tone: 'warm', length: 'long', source: 'template' } },
  ],
  plannedStart: '2026-12-01',
  plannedStop: '2027-01-01',
  plan: { baselineRate: 0.1, minimumDetectableEffect: 0.05, alpha: 0.05, power: 0.8 },
  status: 'running',
  createdAt: '2026-12-01T00:00:00Z',
  createdBy: 'ADM',
  startedAt: '2026-12-01T00:00:00Z',
  stoppedAt: null,
};

/** A store in memory: assignments kept per client, drafts recorded in a list. */
function memoryStore(running: Experiment | null) {
  const kept = new Map<string, ArmAssignment>();
  const drafts: { draftId: string; arm: string }[] = [];
  const store: ExperimentStore = {
    list: () => (running ? [running] : []),
    get: (id) => (running?.id === id ? running : null),
    create: (e) => e,
    start: () => running!,
    stop: () => running!,
    running: (kind) => (running?.kind === kind ? running : null),
    assign: (_e, clientId, draw) => kept.get(clientId) ?? kept.set(clientId, draw()).get(clientId)!,
    recordPitchDraft: (draftId, a) => drafts.push({ draftId, arm: a.arm.id }),
    activity: () => [],
  };
  return { store, drafts, kept };
}

const input = {
  clientId: 'C-1',
  settings: { language: 'en', tone: 'formal' as const, length: 'medium' as const },
  source: 'auto' as const,
};

describe('draftUnderExperiment', () => {
  it('drafts as asked when no pitch-variant experiment runs', async () => {
    const { store, drafts } = memoryStore(null);
    const seen: unknown[] = [];
    await draftUnderExperiment(store, async (i: typeof input) => (seen.push(i), { draftId: 'D-1' }), input, 'now');
    expect(seen).toEqual([input]);
    expect(drafts).toEqual([]);
  });

  it('writes with the arm’s tone, length and writer, and records the draft with the arm', async () => {
    const { store, drafts } = memoryStore(pitchTest);
    const seen: (typeof input)[] = [];
    await draftUnderExperiment(store, async (i: typeof input) => (seen.push(i), { draftId: 'D-2' }), input, 'now');
    expect(seen[0]).toMatchObject({ settings: { language: 'en', tone: 'concise', length: 'short' }, source: 'model' });
    expect(drafts).toEqual([{ draftId: 'D-2', arm: 'model' }]);
    // Sticky: the client's arm is the kept one.
    expect(armForClient(store, 'pitch-variant', 'C-1', 'later')!.arm.id).toBe('model');
  });

  it('says the experiment needs a language model instead of drafting a template pitch in the model’s arm', async () => {
    const { store, drafts } = memoryStore(pitchTest);
    const refuse = async (): Promise<{ draftId: string }> => {
      throw new DomainError('unavailable', 'No language model is loaded.');
    };
    await expect(draftUnderExperiment(store, refuse, input, 'now')).rejects.toThrow(
      /arm model of the experiment "Template against model".*Load one on the Models page/,
    );
    expect(drafts).toEqual([]);
  });
});
