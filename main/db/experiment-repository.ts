import { DomainError } from '../../app/domain/domain-error';
import {
  ArmSchema,
  SamplePlanSchema,
  type ArmAssignment,
  type Experiment,
  type ExperimentKind,
} from '../../app/experiments/experiment';
import type { ArmActivity, ExperimentStore } from '../../app/ports/experiment-store';
import type { ChangeMeta } from '../../app/ports/stores';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

interface ExperimentRow {
  id: string;
  name: string;
  kind: ExperimentKind;
  unit: 'client';
  status: Experiment['status'];
  planned_start: string;
  planned_stop: string;
  plan_json: string;
  created_at: string;
  created_by: string;
  started_at: string | null;
  stopped_at: string | null;
}

function fromRow(db: Db, row: ExperimentRow): Experiment {
  const arms = (
    cached(db, 'SELECT definition_json FROM experiment_arms WHERE experiment_id = ? ORDER BY position').all(row.id) as {
      definition_json: string;
    }[]
  ).map((a) => ArmSchema.parse(JSON.parse(a.definition_json)));
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    unit: row.unit,
    status: row.status,
    plannedStart: row.planned_start,
    plannedStop: row.planned_stop,
    plan: SamplePlanSchema.parse(JSON.parse(row.plan_json)),
    arms,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
  };
}

export function getExperiment(db: Db, id: string): Experiment | null {
  const row = cached(db, 'SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
  return row ? fromRow(db, row) : null;
}

export function listExperiments(db: Db): Experiment[] {
  const rows = cached(db, 'SELECT * FROM experiments ORDER BY created_at DESC, id DESC').all() as ExperimentRow[];
  return rows.map((row) => fromRow(db, row));
}

export function runningExperiment(db: Db, kind: ExperimentKind): Experiment | null {
  const row = cached(db, "SELECT * FROM experiments WHERE kind = ? AND status = 'running'").get(kind) as
    ExperimentRow | undefined;
  return row ? fromRow(db, row) : null;
}

/** Stores a new experiment (a draft) with its arms, and its audit entry, in one transaction. */
export function createExperiment(db: Db, experiment: Experiment, meta: ChangeMeta): Experiment {
  return db
    .transaction((): Experiment => {
      cached(
        db,
        `INSERT INTO experiments (id, name, kind, unit, status, planned_start, planned_stop, plan_json, created_at,
           created_by) VALUES (?, ?, ?, 'client', 'draft', ?, ?, ?, ?, ?)`,
      ).run(
        experiment.id,
        experiment.name,
        experiment.kind,
        experiment.plannedStart,
        experiment.plannedStop,
        JSON.stringify(experiment.plan),
        meta.at,
        meta.actor,
      );
      const arm = cached(
        db,
        'INSERT INTO experiment_arms (experiment_id, arm, position, share, definition_json) VALUES (?, ?, ?, ?, ?)',
      );
      experiment.arms.forEach((a, i) => arm.run(experiment.id, a.id, i, a.share, JSON.stringify(a)));
      const stored = getExperiment(db, experiment.id)!;
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'experiment',
        entityId: experiment.id,
        action: 'create',
        before: null,
        after: stored,
      });
      return stored;
    })
    .immediate();
}

function changeStatus(db: Db, id: string, to: 'running' | 'stopped', meta: ChangeMeta): Experiment {
  return db
    .transaction((): Experiment => {
      const before = getExperiment(db, id);
      if (!before) throw new DomainError('not_found', `No experiment with id ${id}.`);
      if (to === 'running') {
        if (before.status !== 'draft')
          throw new DomainError('conflict', `Experiment "${before.name}" is ${before.status}; only a draft can start.`);
        const other = runningExperiment(db, before.kind);
        if (other)
          throw new DomainError(
            'conflict',
            `Experiment "${other.name}" (${other.id}) is already running; only one ${before.kind} experiment can run at a time. Stop it first.`,
          );
        cached(db, "UPDATE experiments SET status = 'running', started_at = ? WHERE id = ?").run(meta.at, id);
      } else {
        if (before.status !== 'running')
          throw new DomainError(
            'conflict',
            `Experiment "${before.name}" is ${before.status}; only a running one can stop.`,
          );
        cached(db, "UPDATE experiments SET status = 'stopped', stopped_at = ? WHERE id = ?").run(meta.at, id);
      }
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'experiment',
        entityId: id,
        action: to === 'running' ? 'start' : 'stop',
        before: { status: before.status },
        after: { status: to },
      });
      return getExperiment(db, id)!;
    })
    .immediate();
}

export const startExperiment = (db: Db, id: string, meta: ChangeMeta) => changeStatus(db, id, 'running', meta);
export const stopExperiment = (db: Db, id: string, meta: ChangeMeta) => changeStatus(db, id, 'stopped', meta);

/** The kept assignment of a client, or the drawn one stored (INSERT OR IGNORE keeps the first of two racing draws). */
export function assignClient(
  db: Db,
  experiment: Experiment,
  clientId: string,
  draw: () => ArmAssignment,
  at: string,
): ArmAssignment {
  const read = () =>
    cached(db, 'SELECT arm, propensity FROM experiment_assignments WHERE experiment_id = ? AND client_id = ?').get(
      experiment.id,
      clientId,
    ) as { arm: string; propensity: number } | undefined;
  let kept = read();
  if (!kept) {
    const drawn = draw();
    cached(
      db,
      `INSERT OR IGNORE INTO experiment_assignments (experiment_id, client_id, arm, propensity, assigned_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(experiment.id, clientId, drawn.arm.id, drawn.propensity, at);
    kept = read()!;
  }
  const arm = experiment.arms.find((a) => a.id === kept.arm);
  if (!arm) throw new Error(`Experiment ${experiment.id} has no arm ${kept.arm}.`);
  return { experimentId: experiment.id, arm, propensity: kept.propensity };
}

export function recordExperimentPitchDraft(db: Db, draftId: string, assignment: ArmAssignment, at: string): void {
  cached(
    db,
    `INSERT OR IGNORE INTO experiment_pitch_drafts (draft_id, experiment_id, arm, propensity, at) VALUES (?, ?, ?, ?, ?)`,
  ).run(draftId, assignment.experimentId, assignment.arm.id, assignment.propensity, at);
}

/**
 * Per arm: the clients shown something under it, those of them who accepted what they were shown (once each), and
 * how many rankings or drafts were shown. A ranking-policy client converted when a reaction pointing to one of the
 * arm's impressions is 'accepted'; a pitch-variant client when they accepted the pitched product after the draft.
 * Undone reactions do not count.
 */
export function experimentActivity(db: Db, experiment: Experiment): ArmActivity[] {
  const rows =
    experiment.kind === 'ranking-policy'
      ? (cached(
          db,
          `SELECT im.arm AS arm, COUNT(*) AS shown, COUNT(DISTINCT im.client_id) AS clients,
             COUNT(DISTINCT CASE WHEN EXISTS (
               SELECT 1 FROM interactions i WHERE i.impression_id = im.id AND i.outcome = 'accepted'
                 AND i.undone_at IS NULL) THEN im.client_id END) AS converted
           FROM ranking_impressions im WHERE im.experiment_id = ? GROUP BY im.arm`,
        ).all(experiment.id) as { arm: string; shown: number; clients: number; converted: number }[])
      : (cached(
          db,
          `SELECT e.arm AS arm, COUNT(*) AS shown, COUNT(DISTINCT d.client_id) AS clients,
             COUNT(DISTINCT CASE WHEN EXISTS (
               SELECT 1 FROM interactions i WHERE i.client_id = d.client_id AND i.product_id = d.product_id
                 AND i.outcome = 'accepted' AND i.occurred_at >= e.at AND i.undone_at IS NULL) THEN d.client_id END)
               AS converted
           FROM experiment_pitch_drafts e JOIN pitch_drafts d ON d.id = e.draft_id
           WHERE e.experiment_id = ? GROUP BY e.arm`,
        ).all(experiment.id) as { arm: string; shown: number; clients: number; converted: number }[]);
  const byArm = new Map(rows.map((r) => [r.arm, r]));
  return experiment.arms.map((a) => {
    const r = byArm.get(a.id);
    return { arm: a.id, clients: r?.clients ?? 0, converted: r?.converted ?? 0, shown: r?.shown ?? 0 };
  });
}

export function sqliteExperimentStore(db: Db): ExperimentStore {
  return {
    list: () => listExperiments(db),
    get: (id) => getExperiment(db, id),
    create: (experiment, meta) => createExperiment(db, experiment, meta),
    start: (id, meta) => startExperiment(db, id, meta),
    stop: (id, meta) => stopExperiment(db, id, meta),
    running: (kind) => runningExperiment(db, kind),
    assign: (experiment, clientId, draw, at) => assignClient(db, experiment, clientId, draw, at),
    recordPitchDraft: (draftId, assignment, at) => recordExperimentPitchDraft(db, draftId, assignment, at),
    activity: (experiment) => experimentActivity(db, experiment),
  };
}
