import { DomainError } from '../domain/domain-error';
import {
  drawArm,
  ExperimentRefusedError,
  parseExperimentDefinition,
  type ArmAssignment,
  type Experiment,
  type ExperimentKind,
  type PitchVariant,
} from '../experiments/experiment';
import { experimentReport, type ExperimentReport } from '../experiments/report';
import type { Clock, IdSource, Stores } from '../ports';
import type { ArmActivity, ExperimentStore } from '../ports/experiment-store';
import { mulberry32 } from '../random/mulberry32';

export interface ExperimentDeps {
  experiments: ExperimentStore;
  stores: Pick<Stores, 'modelVersions'>;
  clock: Clock;
  ids: IdSource;
  actor: string;
}

export interface ExperimentResults {
  experiment: Experiment;
  activity: ArmActivity[];
  report: ExperimentReport;
}

/** Defining, starting and stopping A/B tests, and reading their results. */
export function createExperimentUseCases(deps: ExperimentDeps) {
  const { experiments } = deps;
  const meta = () => ({ at: deps.clock.nowIso(), actor: deps.actor });

  function found(id: string): Experiment {
    const experiment = experiments.get(id);
    if (!experiment) throw new DomainError('not_found', `No experiment with id ${id}.`);
    return experiment;
  }

  return {
    list: (): Experiment[] => experiments.list(),

    /** Validates the whole definition (see parseExperimentDefinition) and that each named model version exists. */
    define(input: unknown): Experiment {
      let definition;
      try {
        definition = parseExperimentDefinition(input);
      } catch (error) {
        if (error instanceof ExperimentRefusedError) throw new DomainError('validation', error.message);
        throw error;
      }
      const versions = new Set(deps.stores.modelVersions.list().map((v) => v.version));
      const missing = definition.arms.flatMap((arm) =>
        arm.policy?.kind === 'model-version' && !versions.has(arm.policy.version) ? [arm.policy.version] : [],
      );
      if (missing.length > 0)
        throw new DomainError(
          'validation',
          `No stored model version ${missing.join(', ')}: an arm must name one that exists.`,
        );
      const id = `EX-${deps.ids.randomId().slice(0, 10).toUpperCase()}`;
      const now = meta();
      return experiments.create(
        {
          ...definition,
          id,
          status: 'draft',
          createdAt: now.at,
          createdBy: now.actor,
          startedAt: null,
          stoppedAt: null,
        },
        now,
      );
    },

    start: (id: string): Experiment => experiments.start(found(id).id, meta()),
    stop: (id: string): Experiment => experiments.stop(found(id).id, meta()),

    results(id: string): ExperimentResults {
      const experiment = found(id);
      const activity = experiments.activity(experiment);
      return { experiment, activity, report: experimentReport(experiment, activity) };
    },
  };
}

/** The running experiment's arm for a client, assigned at random on first meeting and kept; null when none runs. */
export function armForClient(
  experiments: ExperimentStore,
  kind: ExperimentKind,
  clientId: string,
  at: string,
): ArmAssignment | null {
  const running = experiments.running(kind);
  if (!running) return null;
  return experiments.assign(running, clientId, () => drawArm(running, clientId, mulberry32), at);
}

/** What starting a pitch draft needs to know: the client, and the settings and source the arm may set. */
interface PitchStart {
  clientId: string;
  settings: { tone: PitchVariant['tone']; length: PitchVariant['length'] };
  source: 'auto' | 'model' | 'template';
}

/**
 * Starts a pitch draft under the running pitch-variant experiment, if there is one: the client's sticky arm sets the
 * tone, length and whether the template or the language model writes it, and the draft is recorded with the arm so
 * the client's reaction can be attributed. The draft goes through the same suitability check as any other.
 */
export async function draftUnderExperiment<I extends PitchStart, O extends { draftId: string }>(
  experiments: ExperimentStore,
  start: (input: I) => Promise<O>,
  input: I,
  at: string,
): Promise<O> {
  const assignment = armForClient(experiments, 'pitch-variant', input.clientId, at);
  const variant = assignment?.arm.pitch;
  if (!assignment || !variant) return start(input);
  let started: O;
  try {
    started = await start({
      ...input,
      settings: { ...input.settings, tone: variant.tone, length: variant.length },
      source: variant.source,
    });
  } catch (error) {
    // Falling back to the template would put a template pitch in the model's arm; say why instead.
    if (error instanceof DomainError && error.code === 'unavailable' && variant.source === 'model')
      throw new DomainError(
        'unavailable',
        `This client is in arm ${assignment.arm.id} of the experiment "${experiments.get(assignment.experimentId)?.name ?? assignment.experimentId}", whose pitches are written by the language model, and none is loaded. Load one on the Models page.`,
      );
    throw error;
  }
  experiments.recordPitchDraft(started.draftId, assignment, at);
  return started;
}
