import { afterEach, describe, expect, it } from 'vitest';
import { itemsFor } from '../../../app/meetings/preparation-job';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { preparationStore } from '../../../main/db/preparation-repository';
import { tempDb } from './temp-db';

describe('migration 0180 meeting-preparation', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds preparation jobs and items, which keep each finished step, without touching the audit trail', () => {
    env = tempDb({ target: 160 });
    const { db } = env;
    migrate(db, { target: 180 });
    expect(schemaVersion(db)).toBe(180);
    const store = preparationStore(db);
    const items = itemsFor([
      { id: 'MT-1', clientId: 'C-1' },
      { id: 'MT-2', clientId: 'C-2' },
    ]);
    store.create({
      id: 'PJ-1',
      createdAt: '2027-01-11T08:00:00.000Z',
      createdBy: 'ADV-1',
      updatedAt: '2027-01-11T08:00:00.000Z',
      state: 'running',
      interrupted: false,
      label: '2027-01-12',
      outDir: '/packs',
      top: 3,
      engine: null,
      items,
    });
    store.saveItem(
      'PJ-1',
      {
        ...items[0]!,
        impressionId: 'IM-1',
        products: ['P-1'],
        drafts: [{ productId: 'P-1', draftId: 'PD-1', version: 1, source: 'model', error: null }],
      },
      '2027-01-11T08:01:00.000Z',
    );
    store.setEngine('PJ-1', { kind: 'model', file: 'qwen.gguf' }, '2027-01-11T08:01:00.000Z');
    expect(store.running()).toEqual(['PJ-1']);
    store.setState('PJ-1', 'paused', true, '2027-01-11T08:02:00.000Z');
    const job = store.get('PJ-1')!;
    expect([job.state, job.interrupted, job.engine]).toEqual(['paused', true, { kind: 'model', file: 'qwen.gguf' }]);
    expect(job.items[0]!.drafts[0]!.draftId).toBe('PD-1');
    expect(job.items[1]!.products).toBeNull();
    expect(store.list(5).map((j) => j.id)).toEqual(['PJ-1']);
    expect(() => db.prepare(`UPDATE preparation_jobs SET state = 'lost'`).run()).toThrow(/CHECK/);
    expect(verifyAuditChain(db).problems).toEqual([]);
  });
});
