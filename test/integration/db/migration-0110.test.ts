import { pitchVersion } from '../../fixtures/pitch-version';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../main/db/audit-log';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import {
  addPitchVersion,
  approvePitchDraft,
  createPitchDraft,
  getPitchDraft,
} from '../../../main/db/pitch-draft-repository';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';
describe('migration 0110 pitch-approvals', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps the approval of a draft approved before the upgrade, with its approver, and only that one', () => {
    env = tempDb({ target: 100 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    insertRawProduct(db, 'P-2');
    // One draft per client, product and language (migration 0190), so the two drafts are for two products.
    for (const [id, productId] of [
      ['D-approved', 'P-1'],
      ['D-open', 'P-2'],
    ] as const) {
      createPitchDraft(db, { id, clientId: 'C-1', productId, language: 'en', at: AT });
      addPitchVersion(db, id, pitchVersion('ana', AT, { source: 'template' }));
      addPitchVersion(db, id, pitchVersion('ana', AT, { source: 'template' }));
    }
    // An approval as the app wrote it before: the draft's status, and an audit entry naming the approver.
    db.prepare(`UPDATE pitch_drafts SET status = 'approved' WHERE id = 'D-approved'`).run();
    appendAudit(db, {
      at: AT,
      actor: 'bo-reviewer',
      entity: 'pitch_draft',
      entityId: 'D-approved',
      action: 'approve version 2',
      before: null,
      after: { version: 2 },
    });

    migrate(db, { target: 110 });
    expect(schemaVersion(db)).toBe(110);
    // Read through today's repository, which also reads the review tables of later migrations.
    migrate(db);
    const approved = getPitchDraft(db, 'D-approved')!;
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2 });
    expect(approved.versions.map((v) => v.approval)).toEqual([null, { by: 'bo-reviewer', at: AT }]);
    expect(getPitchDraft(db, 'D-open')).toMatchObject({ status: 'draft', approvedVersion: null });

    // After the upgrade an approval is a row of its own, which cannot be changed.
    approvePitchDraft(db, 'D-open', 2, { at: AT, actor: 'bo-reviewer' });
    expect(() => db.prepare(`UPDATE pitch_approvals SET approved_by = 'someone else'`).run()).toThrow(
      /an approval cannot be changed/,
    );
  });
});
