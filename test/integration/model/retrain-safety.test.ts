import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase, type Db } from '../../../main/db/connection';
import { addContradictingOutcomes } from './contradicting-outcomes';
import { backendCalls } from '../backend/backend-calls';
import { tempDir } from '../db/temp-db';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const CLIENTS_KEPT = 120;

/**
 * A retrain is weighed against the live version on the same held-out outcomes, on a real store: after a stretch of
 * mis-recorded outcomes (every reaction the other way round) the new version predicts the latest outcomes worse than
 * the live one, so it is stored with both figures but not made live, until the advisor makes it live (audited).
 */
describe('retrain safety', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  const { value } = backendCalls(() => backend.handlers);
  const activeVersion = () =>
    (db.prepare('SELECT version FROM model_versions WHERE active = 1').get() as { version: number } | undefined)
      ?.version;

  beforeAll(() => {
    dir = tempDir('ad-retrain-safety-');
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = openDatabase(backend.databasePath);
    db.prepare(
      `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
    ).run();
  });
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a worse retrain without making it live, with both figures, and makes it live when asked', async () => {
    const first = await value<ModelVersionSummary>('model:retrain', { origin: 'app' });
    expect(first.active).toBe(true);

    // The same reactions again after the live version's training: first a stretch recorded the wrong way round, then
    // as they were. The new version's held-out share is the latest, recorded as they were.
    addContradictingOutcomes(db, first.trainedTo!);

    const second = await value<ModelVersionSummary>('model:retrain', { origin: 'app' });
    expect(second.version).toBe(first.version + 1);
    expect(second.active).toBe(false);
    expect(activeVersion()).toBe(first.version);
    const c = second.comparison!;
    expect(c.liveVersion).toBe(first.version);
    expect(c.notCompared).toBeNull();
    expect(c.madeLive).toBe(false);
    expect(c.rows).toBeGreaterThanOrEqual(20);
    expect(c.rows).toBeLessThanOrEqual(second.testRows);
    expect(c.candidate.auc!).toBeLessThan(c.live.auc!);
    expect(c.candidate.logLoss).not.toBeNull();
    expect(c.live.logLoss).not.toBeNull();

    // Kept in the store with both figures, as the versions page reads it.
    const listed = await value<ModelVersionSummary[]>('model:versions', {});
    expect(listed.find((v) => v.version === second.version)?.comparison).toEqual(c);
    const trained = db
      .prepare("SELECT after_json FROM audit_log WHERE entity = 'model_version' AND entity_id = ? AND action = 'train'")
      .get(`interest-fm@${second.version}`) as { after_json: string };
    const after = JSON.parse(trained.after_json) as { activeVersion: number; comparison: unknown };
    expect(after.activeVersion).toBe(first.version);
    expect(after.comparison).toEqual(c);

    // The advisor's explicit choice makes it live, and the audit log says who did it.
    const made = await value<ModelVersionSummary>('model:activate', { version: second.version });
    expect(made.active).toBe(true);
    expect(activeVersion()).toBe(second.version);
    const activated = db
      .prepare(
        "SELECT actor, before_json, after_json FROM audit_log WHERE entity = 'model_version' AND entity_id = ? AND action = 'activate'",
      )
      .get(`interest-fm@${second.version}`) as { actor: string; before_json: string; after_json: string };
    expect(JSON.parse(activated.before_json)).toEqual({ activeVersion: first.version });
    expect(JSON.parse(activated.after_json)).toEqual({ activeVersion: second.version });
    expect(activated.actor).not.toBe('');
  }, 240_000);
});
