import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { activateModelVersion, listModelVersions } from '../../../main/db/model-version-repository';
import { tempDb } from './temp-db';

describe('migration 0070 model-version-history', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps an existing model version, reads it with an empty history, and allows one active version per kind', () => {
    env = tempDb({ target: 60 });
    const { db } = env;
    db.prepare(
      "INSERT INTO model_versions (id, kind, version, trained_on_through, active, created_at) VALUES ('interest-fm@1', 'interest-fm', 1, '2026-01-31T00:00:00.000Z', 1, '2026-02-01T00:00:00.000Z')",
    ).run();
    db.prepare(
      "INSERT INTO model_versions (id, kind, version, active, created_at) VALUES ('interest-fm@2', 'interest-fm', 2, 0, '2026-03-01T00:00:00.000Z')",
    ).run();
    migrate(db, { target: 70 });
    expect(schemaVersion(db)).toBe(70);

    const [second, first] = listModelVersions(db);
    expect(first).toMatchObject({
      version: 1,
      active: true,
      trainedFrom: null,
      trainedTo: '2026-01-31T00:00:00.000Z',
      trainRows: 0,
      testRows: 0,
      onlineUpdates: 0,
      note: '',
      metrics: null,
      baselines: {},
    });
    expect(second).toMatchObject({ version: 2, active: false });

    expect(() => db.prepare('UPDATE model_versions SET active = 1 WHERE version = 2').run()).toThrow(/UNIQUE/);
    activateModelVersion(db, 2, { at: '2026-03-02T00:00:00.000Z', actor: 'test' });
    expect(listModelVersions(db).map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});
