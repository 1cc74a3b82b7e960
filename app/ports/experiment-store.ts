import type { ArmAssignment, Experiment, ExperimentKind } from '../experiments/experiment';
import type { ArmCounts } from '../experiments/report';
import type { ChangeMeta } from './stores';

/** An arm's counts with the impressions (rankings shown) or drafts behind them, for the report's counts column. */
export interface ArmActivity extends ArmCounts {
  /** Rankings shown under the arm (ranking-policy tests) or pitches drafted under it (pitch-variant tests). */
  shown: number;
}

/** Experiments, their sticky assignments and what was shown under each arm. Each change is audited with it. */
export interface ExperimentStore {
  /** Newest first. */
  list(): Experiment[];
  get(id: string): Experiment | null;
  create(experiment: Experiment, meta: ChangeMeta): Experiment;
  /** Refuses (conflict) when another experiment of the same kind is running, naming it. */
  start(id: string, meta: ChangeMeta): Experiment;
  stop(id: string, meta: ChangeMeta): Experiment;
  running(kind: ExperimentKind): Experiment | null;
  /** The client's kept assignment, or `draw()` stored as it (once: sticky). */
  assign(experiment: Experiment, clientId: string, draw: () => ArmAssignment, at: string): ArmAssignment;
  /** Remembers that a pitch draft was written under an arm, so reactions to it can be attributed. */
  recordPitchDraft(draftId: string, assignment: ArmAssignment, at: string): void;
  /** Clients, converted clients and rankings or drafts shown, per arm. */
  activity(experiment: Experiment): ArmActivity[];
}
