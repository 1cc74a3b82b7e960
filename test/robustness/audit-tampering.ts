import { pitchVersion } from '../fixtures/pitch-version';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoData } from '../../app/demo/demo-data';
import type { Product } from '../../app/domain';
import type { NewPitchVersion } from '../../app/ports/pitch-store';
import { createPrng, type Prng } from '../../app/demo/prng';
import { auditAnchorFile } from '../../main/db/audit-anchor';
import { verifyAuditChain, type AuditProblemKind, type AuditVerification } from '../../main/db/audit-verify';
import {
  getClient,
  mergeClientCustomAttributes,
  recordQuestionnaire,
  updateClient,
} from '../../main/db/client-repository';
import { openDatabase, type Db } from '../../main/db/connection';
import { seedDemoData } from '../../main/db/demo-seed';
import { recordDeviation, withdrawDeviation } from '../../main/db/deviation-repository';
import { addPitchVersion, approvePitchDraft, createPitchDraft } from '../../main/db/pitch-draft-repository';
import { openStore } from '../../main/db/open-store';
import { importProducts } from '../../main/db/product-repository';
import { tempDir } from '../integration/db/temp-db';

/**
 * Tampering with a real store the way someone with the sqlite3 shell and file access would, one class at a time,
 * each on its own copy of a store built through the repositories. Used by the robustness test and the bench sweep.
 */

const AT = '2026-03-01T10:00:00.000Z';
const DB_NAME = 'desk.sqlite';

/** A store on disk (closed): the database with its key and anchor, and a copy of the database taken half-way. */
export interface AuditedStore {
  dir: string;
  file: string;
  /** The database file as it was half-way through the writes (closed, so it is whole). */
  earlierCopy: string;
  clientIds: string[];
  productIds: string[];
}

function changeSomeRecords(db: Db, rng: Prng, clientIds: readonly string[], products: readonly Product[], n: number) {
  for (let i = 0; i < n; i++) {
    const id = rng.pick(clientIds);
    const current = getClient(db, id)!;
    const meta = { at: AT, actor: 'advisor' };
    switch (i % 4) {
      case 0:
        updateClient(db, id, current.revision, { ...current, investableAssets: rng.int(1, 9_000_000) }, meta);
        break;
      case 1:
        recordQuestionnaire(
          db,
          id,
          current.revision,
          {
            questionnaireVersion: 'v1',
            completedAt: AT,
            answers: { q1: `a${i}` },
            score: rng.int(0, 40),
            riskClass: 'C3',
          },
          meta,
        );
        break;
      case 2:
        mergeClientCustomAttributes(db, new Map([[id, { tier: `t${i}` }]]), meta);
        break;
      default: {
        const product = rng.pick(products);
        importProducts(db, [{ ...product, minimumAmount: rng.int(0, 50_000) }], meta);
      }
    }
  }
}

/** Deviations (one withdrawn) and pitch drafts (two versions each, one approved) through their repositories. */
function recordAdviceTrail(db: Db, clientIds: readonly string[], productIds: readonly string[]): void {
  const meta = { at: AT, actor: 'advisor' };
  for (let i = 0; i < 3; i++) {
    recordDeviation(
      db,
      {
        id: `DV-${i}`,
        clientId: clientIds[i]!,
        productId: productIds[i]!,
        warning: { en: 'Risk warning: one grade above the client', zh: '风险警示：高于客户一级' },
        acknowledgedBy: 'the client',
        acknowledgedAt: AT,
        reason: 'wants the exposure',
        ruleSet: { id: 'default', version: 1 },
        recordedBy: 'advisor',
      },
      meta,
    );
  }
  withdrawDeviation(db, 'DV-0', meta);
  for (let i = 0; i < 3; i++) {
    const id = `PD-${i}`;
    createPitchDraft(db, { id, clientId: clientIds[i]!, productId: productIds[i]!, language: 'en', at: AT });
    for (const headline of ['First take', 'Second take']) addPitchVersion(db, id, advisorVersion(headline));
  }
  approvePitchDraft(db, 'PD-1', 2, meta);
}

const advisorVersion = (headline: string): NewPitchVersion => pitchVersion('advisor', AT, { headline });

/** Seeds a demo book through the repositories, changes records, copies the file half-way, and changes more. */
export function buildAuditedStore(seed: number, options: { clients?: number; changes?: number } = {}): AuditedStore {
  const dir = tempDir('ad-audit-');
  const file = path.join(dir, DB_NAME);
  const rng = createPrng(seed);
  const data = generateDemoData({
    today: '2026-03-01',
    clientCount: options.clients ?? 40,
    interactionCount: 20,
    seed,
  });
  const clientIds = data.clients.map((c) => c.id);
  const productIds = data.products.map((p) => p.id);
  const changes = options.changes ?? 60;

  let { db } = openStore(file);
  seedDemoData(db, data);
  changeSomeRecords(db, rng, clientIds, data.products, changes / 2);
  recordAdviceTrail(db, clientIds, productIds);
  db.close();
  const earlierCopy = path.join(dir, 'earlier.sqlite');
  fs.copyFileSync(file, earlierCopy);
  ({ db } = openStore(file));
  changeSomeRecords(db, rng, clientIds, data.products, changes / 2);
  db.close();
  return { dir, file, earlierCopy, clientIds, productIds };
}

/** A private copy of the store's folder for one case. */
export function copyStore(store: AuditedStore): AuditedStore {
  const dir = tempDir('ad-audit-case-');
  fs.cpSync(store.dir, dir, { recursive: true });
  return { ...store, dir, file: path.join(dir, DB_NAME), earlierCopy: path.join(dir, 'earlier.sqlite') };
}

type Row = Record<string, unknown> & { seq: number };

function sealEntry(key: Buffer | null, r: Row, prev: string): string {
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.actor,
    r.entity,
    r.entity_id,
    r.action,
    r.before_json,
    r.after_json,
    prev,
  ]);
  return key
    ? createHmac('sha256', key).update(canonical).digest('hex')
    : createHash('sha256').update(canonical).digest('hex');
}

/** Recomputes every link and hash from `fromSeq` (to `toSeq`), plain or with a key the attacker guessed. */
export function rechain(db: Db, fromSeq: number, key: Buffer | null, toSeq = Number.MAX_SAFE_INTEGER): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  const before = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  let prev = (before.get(fromSeq - 1) as string | undefined) ?? '0'.repeat(64);
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq')
    .all(fromSeq, toSeq) as Row[];
  const write = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const hash = sealEntry(key, r, prev);
    write.run(prev, hash, r.seq);
    prev = hash;
  }
}

function forgeAppend(db: Db, key: Buffer | null): void {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row & { hash: string };
  const row: Row = {
    seq: head.seq + 1,
    at: AT,
    actor: 'advisor',
    entity: 'client',
    entity_id: 'CL-9999',
    action: 'update',
    before_json: null,
    after_json: '{"note":"approved by phone"}',
  };
  const hash = sealEntry(key, row, head.hash);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (@seq, @at, @actor, @entity, @entity_id, @action, @before_json, @after_json, @prev, @hash)`,
  ).run({ ...row, prev: head.hash, hash });
}

function deleteNewest(db: Db, n: number | 'all'): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  if (n === 'all') db.exec('DELETE FROM audit_log');
  else db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(n);
}

const headSeq = (db: Db) => db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

export interface TamperingCase {
  name: string;
  /** What the check must name. */
  expect: AuditProblemKind;
  /** Changes the closed store's files or its database through a raw connection. */
  apply(store: AuditedStore, rng: Prng): void;
}

function withRawDb(store: AuditedStore, change: (db: Db) => void): void {
  const db = openDatabase(store.file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

const raw = (change: (db: Db, store: AuditedStore, rng: Prng) => void) => (store: AuditedStore, rng: Prng) =>
  withRawDb(store, (db) => change(db, store, rng));

function editAndRechain(db: Db, rng: Prng, key: Buffer | null): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  const seq = rng.int(1, headSeq(db));
  db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = ?").run(seq);
  rechain(db, seq, key);
}

const answered = (db: Db, ids: readonly string[]) =>
  ids.filter((id) => db.prepare('SELECT questionnaire_response_id FROM clients WHERE id = ?').pluck().get(id) !== null);

export const TAMPERING_CASES: readonly TamperingCase[] = [
  { name: 'delete the newest entry', expect: 'entries-removed', apply: raw((db) => deleteNewest(db, 1)) },
  { name: 'delete the newest 50 entries', expect: 'entries-removed', apply: raw((db) => deleteNewest(db, 50)) },
  { name: 'delete every entry', expect: 'entries-removed', apply: raw((db) => deleteNewest(db, 'all')) },
  {
    name: 'delete one entry from the middle',
    expect: 'entries-missing',
    apply: raw((db, _s, rng) => {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(rng.int(2, headSeq(db) - 1));
    }),
  },
  {
    name: 'edit an entry and recompute the plain chain',
    expect: 'entries-altered',
    apply: raw((db, _s, rng) => editAndRechain(db, rng, null)),
  },
  {
    name: 'edit an entry and recompute the chain with a guessed key',
    expect: 'entries-altered',
    apply: raw((db, _s, rng) => editAndRechain(db, rng, randomBytes(32))),
  },
  {
    name: 'forge an entry with a valid plain hash',
    expect: 'entries-altered',
    apply: raw((db) => forgeAppend(db, null)),
  },
  {
    name: 'forge an entry sealed with a guessed key',
    expect: 'entries-altered',
    apply: raw((db) => forgeAppend(db, randomBytes(32))),
  },
  {
    name: 'put back an older copy of the database file',
    expect: 'entries-removed',
    apply: (store) => {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${store.file}${suffix}`, { force: true });
      fs.copyFileSync(store.earlierCopy, store.file);
    },
  },
  {
    name: 'change a client row with no audit entry',
    expect: 'row-unaudited',
    apply: raw((db, s, rng) =>
      db
        .prepare('UPDATE clients SET investable_assets = investable_assets + 1 WHERE id = ?')
        .run(rng.pick(s.clientIds)),
    ),
  },
  {
    name: "change a client's questionnaire answers with no audit entry",
    expect: 'row-unaudited',
    apply: raw((db, s, rng) =>
      db
        .prepare(
          `UPDATE questionnaire_responses SET score = score + 5
           WHERE id = (SELECT questionnaire_response_id FROM clients WHERE id = ?)`,
        )
        .run(rng.pick(answered(db, s.clientIds))),
    ),
  },
  {
    name: 'add a client row with no audit entry',
    expect: 'row-unaudited',
    apply: raw((db, s) =>
      db.exec(`INSERT INTO clients (id, kind, display_name, language, liquidity_need, knowledge_level, created_at, updated_at)
        SELECT 'CL-FAKE', kind, display_name, language, liquidity_need, knowledge_level, created_at, updated_at
        FROM clients WHERE id = '${s.clientIds[0]}'`),
    ),
  },
  {
    name: 'remove a client row and its seal with no audit entry',
    expect: 'row-removed',
    apply: raw((db, s, rng) => {
      const id = rng.pick(s.clientIds);
      db.prepare('DELETE FROM clients WHERE id = ?').run(id);
      db.prepare("DELETE FROM audit_row_seals WHERE entity = 'client' AND entity_id = ?").run(id);
    }),
  },
  {
    name: 'change a product row with no audit entry',
    expect: 'row-unaudited',
    apply: raw((db, s, rng) =>
      db.prepare('UPDATE products SET minimum_amount = minimum_amount + 1 WHERE id = ?').run(rng.pick(s.productIds)),
    ),
  },
  {
    name: "put back a client's older row together with its older seal",
    expect: 'row-unaudited',
    apply: raw((db, s) => {
      db.prepare('ATTACH DATABASE ? AS earlier').run(s.earlierCopy);
      // A client changed after the copy was taken: its older state and older seal both check out on their own.
      const id = db
        .prepare(
          `SELECT s.entity_id FROM audit_row_seals s JOIN earlier.audit_row_seals e USING (entity, entity_id)
           WHERE s.entity = 'client' AND s.seq > e.seq LIMIT 1`,
        )
        .pluck()
        .get() as string;
      // Without foreign keys the delete takes nothing else with it: only the row goes back in time.
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM clients WHERE id = ?').run(id);
      db.prepare('INSERT INTO clients SELECT * FROM earlier.clients WHERE id = ?').run(id);
      db.prepare(
        `UPDATE audit_row_seals SET (seq, seal) = (SELECT seq, seal FROM earlier.audit_row_seals e
           WHERE e.entity = 'client' AND e.entity_id = ?) WHERE entity = 'client' AND entity_id = ?`,
      ).run(id, id);
    }),
  },
  {
    name: "change a deviation's recorded reason with no audit entry",
    expect: 'row-unaudited',
    apply: raw((db) => db.exec("UPDATE suitability_deviations SET reason = 'as advised' WHERE id = 'DV-1'")),
  },
  {
    name: 'withdraw a deviation with no audit entry',
    expect: 'row-unaudited',
    apply: raw((db) =>
      db.exec(
        "UPDATE suitability_deviations SET withdrawn_at = '2026-03-03T00:00:00.000Z', withdrawn_by = 'advisor' WHERE id = 'DV-2'",
      ),
    ),
  },
  {
    name: "rewrite an approved pitch's text with no audit entry",
    expect: 'row-unaudited',
    apply: raw((db) =>
      db.exec(
        `UPDATE pitch_draft_versions SET text = replace(text, 'fixed deposit', 'guaranteed winner')
         WHERE draft_id = 'PD-1' AND version = 2`,
      ),
    ),
  },
  {
    name: 'mark a pitch draft approved with no audit entry',
    expect: 'row-unaudited',
    apply: raw((db) => db.exec("UPDATE pitch_drafts SET status = 'approved' WHERE id = 'PD-2'")),
  },
  { name: 'delete the anchor file', expect: 'anchor-missing', apply: (s) => fs.rmSync(auditAnchorFile(s.file)) },
  {
    name: 'edit the anchor file to an older head',
    expect: 'anchor-altered',
    apply: (s) => {
      const anchor = JSON.parse(fs.readFileSync(auditAnchorFile(s.file), 'utf8')) as { seq: number };
      fs.writeFileSync(auditAnchorFile(s.file), JSON.stringify({ ...anchor, seq: anchor.seq - 1 }));
    },
  },
];

/** Opens the store and checks it, closing it again. */
export function verifyStore(store: AuditedStore): AuditVerification {
  const { db } = openStore(store.file);
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

export interface SweepResult {
  tried: number;
  detected: number;
  /** Names of the cases that went unnoticed or were named as something else. */
  missed: string[];
}

/** Applies every case `rounds` times, each time to a fresh copy with its own random choices. */
export function tamperingSweep(store: AuditedStore, rounds: number, seed: number): SweepResult {
  const result: SweepResult = { tried: 0, detected: 0, missed: [] };
  const rng = createPrng(seed);
  for (let round = 0; round < rounds; round++) {
    for (const c of TAMPERING_CASES) {
      const copy = copyStore(store);
      try {
        c.apply(copy, rng.fork(`${round}:${c.name}`));
        const verdict = verifyStore(copy);
        result.tried++;
        if (!verdict.ok && verdict.problems.some((p) => p.kind === c.expect)) result.detected++;
        else result.missed.push(c.name);
      } finally {
        fs.rmSync(copy.dir, { recursive: true, force: true });
      }
    }
  }
  return result;
}
