import fs from 'node:fs';
import { captureCliIo } from './run-cli';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import { runCli } from '../../../main/cli/cli-commands';
import { openStore } from '../../../main/db/open-store';
import { sqliteStores } from '../../../main/db/sqlite-stores';
import { tempDir } from '../db/temp-db';

const capture = captureCliIo;

async function run(args: string[]) {
  const c = capture();
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('advisor-desk train and recommend on a seeded database', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = tempDir('ad-cli-train-');
    db = path.join(dir, 'desk.sqlite');
    const seeded = await run(['seed', '--db', db]);
    expect(seeded.code, seeded.err).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains a new live version, says where it came from, and reports held-out figures next to the baselines', async () => {
    const first = await run(['train', '--db', db, '--json']);
    expect(first.code, first.err).toBe(0);
    const v1 = JSON.parse(first.out) as ModelVersionSummary;
    expect(v1.active).toBe(true);
    expect(v1.note).toBe('cli-train');
    expect(v1.trainRows).toBeGreaterThan(1000);
    expect(v1.metrics?.auc).toBeGreaterThan(0.6);
    expect(Object.keys(v1.baselines).sort()).toEqual(['logistic-regression', 'popularity', 'rules-only']);

    const second = await run(['train', '--db', db]);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain(`Model version ${v1.version + 1} `);
    expect(second.out).toMatch(/interest model\s+0\.\d{3}/);
    expect(second.out).toContain('rules only');
  });

  it("lists a client's suitable products by probability with reasons, and the excluded ones with their rules", async () => {
    const store = openStore(db);
    const clientId = (store.db.prepare('SELECT id FROM clients ORDER BY id LIMIT 1').get() as { id: string }).id;
    store.db.close();

    const json = await run(['recommend', '--db', db, '--client', clientId, '--top', '5', '--json']);
    expect(json.code, json.err).toBe(0);
    const ranking = JSON.parse(json.out) as ClientRanking;
    expect(ranking.clientId).toBe(clientId);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    expect(ranking.ranked.length).toBeLessThanOrEqual(5);
    expect(ranking.ranked.map((p) => p.rank)).toEqual(ranking.ranked.map((_, i) => i + 1));

    const text = await run(['recommend', '--db', db, '--client', clientId, '--top', '5']);
    expect(text.code, text.err).toBe(0);
    const top = ranking.ranked[0]!;
    expect(text.out).toContain(`1.  ${(top.probability * 100).toFixed(1)} %`);
    expect(text.out).toContain(top.nameEn);
    expect(text.out).toContain(recordedText(top.reasons[0]!.text).en);
    expect(text.out).toContain(`Excluded (${ranking.excluded.length}):`);
    if (ranking.excluded.length > 0)
      expect(text.out).toContain(recordedText(ranking.excluded[0]!.failed[0]!.reason).en);
  });

  it('holds credit products back for a client with no borrowing need, shows them with --include-credit, and keeps the choice in the impression', async () => {
    const store = openStore(db);
    const ids = (store.db.prepare('SELECT id FROM clients ORDER BY id LIMIT 40').all() as { id: string }[]).map(
      (r) => r.id,
    );
    store.db.close();
    let held: ClientRanking | null = null;
    for (const id of ids) {
      const r = JSON.parse(
        (await run(['recommend', '--db', db, '--client', id, '--top', '50', '--json'])).out,
      ) as ClientRanking;
      if (r.credit && !r.credit.included && r.credit.hidden > 0) {
        held = r;
        break;
      }
    }
    expect(held, 'a demo client without a borrowing need').not.toBeNull();
    const credit = (r: ClientRanking) =>
      r.ranked.filter((p) => p.family === 'consumer_credit' || p.family === 'business_finance');
    expect(credit(held!)).toEqual([]);
    const text = await run(['recommend', '--db', db, '--client', held!.clientId, '--top', '50']);
    expect(text.out).toContain(`hidden: no borrowing need in the profile (--include-credit shows them)`);

    const asked = await run([
      'recommend',
      '--db',
      db,
      '--client',
      held!.clientId,
      '--top',
      '50',
      '--include-credit',
      '--json',
    ]);
    expect(asked.code, asked.err).toBe(0);
    const withCredit = JSON.parse(asked.out) as ClientRanking;
    expect(credit(withCredit).length).toBe(held!.credit!.hidden);
    expect(withCredit.credit).toMatchObject({ requested: true, included: true, hidden: 0 });

    const opened = openStore(db);
    try {
      const stores = sqliteStores(opened.db);
      expect(stores.impressions.get(held!.impressionId!)?.credit).toMatchObject({ included: false, requested: false });
      expect(stores.impressions.get(withCredit.impressionId!)?.credit).toMatchObject({
        included: true,
        requested: true,
      });
    } finally {
      opened.db.close();
    }
  });

  it('names what is wrong: an unknown client exits 3, a missing --client or a bad --top exits 2', async () => {
    const unknown = await run(['recommend', '--db', db, '--client', 'nobody-here']);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('No client with id nobody-here');
    const missing = await run(['recommend', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Which client?');
    const badTop = await run(['recommend', '--db', db, '--client', 'x', '--top', '0']);
    expect(badTop.code).toBe(2);
    expect(badTop.err).toContain('--top');
  });

  it('refuses to train a database without outcomes, exits 1 and leaves no version behind', async () => {
    const empty = path.join(dir, 'empty.sqlite');
    openStore(empty).db.close();
    const refused = await run(['train', '--db', empty]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('The live model is unchanged.');
    const store = openStore(empty);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM model_versions').get() as { n: number }).n).toBe(0);
    store.db.close();
  });
});
