import path from 'node:path';
import { message, type Message, type MessageKey } from '../../app/messages';
import { auditAnchorFile, readAnchor, trailHead, writeAnchor, type AnchorReading } from './audit-anchor';
import { auditKeyFile, findAuditKey, type AuditKey } from './audit-key';
import { AUDIT_GENESIS_HASH, auditEntryHash, keyedFromSeq, type AuditRow } from './audit-log';
import { checkRowSeals } from './audit-seals';
import type { Db } from './connection';

export type AuditProblemKind =
  | 'entries-missing'
  | 'entries-removed'
  | 'entries-unlinked'
  | 'entries-altered'
  | 'head-replaced'
  | 'anchor-missing'
  | 'anchor-altered'
  | 'key-missing'
  | 'row-unaudited'
  | 'row-removed'
  | 'more';

/** One thing a check found wrong; entry problems name a range of seqs, record problems the record. */
export interface AuditProblem {
  kind: AuditProblemKind;
  fromSeq?: number;
  toSeq?: number;
  entity?: string;
  entityId?: string;
  message: Message;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
}

/** Beyond this many, further problems are counted in one closing line: a rewritten book would list every client. */
const MAX_LISTED = 100;

const ENTRY_MESSAGES: Partial<Record<AuditProblemKind, MessageKey>> = {
  'entries-missing': 'audit.entriesMissing',
  'entries-removed': 'audit.entriesRemoved',
  'entries-unlinked': 'audit.entriesUnlinked',
  'entries-altered': 'audit.entriesAltered',
  'head-replaced': 'audit.headReplaced',
};

/** How a sealed record's kind is named to a person (SEALED_TABLES' entity names). */
const ENTITY_NAMES: Record<string, MessageKey> = {
  client: 'audit.entity.client',
  product: 'audit.entity.product',
  suitability_deviation: 'audit.entity.deviation',
  pitch_draft: 'audit.entity.pitchDraft',
  user: 'audit.entity.user',
  pitch_review: 'audit.entity.pitchReview',
};

class Findings {
  readonly problems: AuditProblem[] = [];
  private unlisted = 0;

  /** Entry problems of one kind over consecutive seqs merge into one range. */
  entries(kind: AuditProblemKind, fromSeq: number, toSeq = fromSeq): void {
    const last = this.problems.at(-1);
    if (last?.kind === kind && last.toSeq === fromSeq - 1) {
      last.toSeq = toSeq;
      last.message = entryMessage(kind, last.fromSeq!, toSeq);
      return;
    }
    this.add({ kind, fromSeq, toSeq, message: entryMessage(kind, fromSeq, toSeq) });
  }

  add(problem: AuditProblem): void {
    if (this.problems.length < MAX_LISTED) this.problems.push(problem);
    else this.unlisted++;
  }

  list(): AuditProblem[] {
    if (this.unlisted === 0) return this.problems;
    return [...this.problems, { kind: 'more', message: message('audit.moreProblems', { count: this.unlisted }) }];
  }
}

function entryMessage(kind: AuditProblemKind, from: number, to: number): Message {
  const seqs = from === to ? String(from) : `${from}–${to}`;
  return message(ENTRY_MESSAGES[kind]!, { seqs, count: to - from + 1 });
}

interface ChainWalk {
  entries: number;
  headSeq: number;
  hashAt: Map<number, string>;
  latestEntry: Map<string, number>;
}

/** Recomputes every entry's seal and link; collects what the anchor and row checks need on the way. */
function walkChain(
  db: Db,
  key: Buffer | null,
  keyedFrom: number,
  wanted: readonly number[],
  found: Findings,
): ChainWalk {
  const walk: ChainWalk = { entries: 0, headSeq: 0, hashAt: new Map(), latestEntry: new Map() };
  let prev = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    walk.entries++;
    if (row.seq !== expectedSeq) found.entries('entries-missing', expectedSeq, row.seq - 1);
    if (row.prev_hash !== prev) found.entries('entries-unlinked', row.seq);
    const keyed = row.seq >= keyedFrom;
    if ((!keyed || key) && auditEntryHash(keyed ? key : null, row) !== row.hash)
      found.entries('entries-altered', row.seq);
    if (wanted.includes(row.seq)) walk.hashAt.set(row.seq, row.hash);
    // A wipe empties every record; only entries after it say which records must exist.
    if (row.entity === 'data' && row.action === 'wipe') walk.latestEntry.clear();
    else walk.latestEntry.set(`${row.entity}\u0000${row.entity_id}`, row.seq);
    prev = row.hash;
    expectedSeq = row.seq + 1;
    walk.headSeq = row.seq;
  }
  return walk;
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Checks the trail and the records it covers, and says everything it found:
 * - every entry's seal (keyed with the database's secret key from the seq where keying began) and its link to the
 *   entry before, so an edit, a forged entry or a rechained history fails without the key;
 * - the trail's head against the anchor kept outside the database, so removed newest entries, an emptied trail or an
 *   older copy of the file put back show up;
 * - every sealed record (client, product, deviation, pitch draft) against its seal, so a change, addition or removal
 *   with no audit entry shows up.
 * An anchor a step behind (a crash between the commit and the anchor's write) is sound when everything else is, and
 * is moved up.
 */
export function verifyAuditChain(db: Db): AuditVerification {
  // The app keeps writing while a check runs (in its own thread, on its own connection). The anchor is read first and
  // every table after it in one read transaction: the trail then reaches at least as far as the anchor, and the rows
  // and their seals are read as of the same moment as the trail, so a change committed mid-check is not a finding.
  const key = findAuditKey(db);
  const anchor: AnchorReading | null = key && !db.memory ? readAnchor(db, key) : null;
  const check = () => verifyAgainst(db, key, anchor);
  return db.inTransaction ? check() : db.transaction(check)();
}

function verifyAgainst(db: Db, key: AuditKey | null, anchor: AnchorReading | null): AuditVerification {
  const found = new Findings();
  const keyedFromInDb = keyedFromSeq(db);
  const fileName = (file: string) => path.basename(file);
  // The anchor's own record of where keying began wins: moving the start in the database would unseal entries.
  const keyedFrom = anchor?.state === 'ok' ? anchor.anchor.keyedFrom : (keyedFromInDb ?? Number.POSITIVE_INFINITY);
  const sealsExist = hasTable(db, 'audit_row_seals') && db.prepare('SELECT 1 FROM audit_row_seals LIMIT 1').get();
  const keyNeeded =
    keyedFromInDb !== null &&
    (db.prepare('SELECT 1 FROM audit_log WHERE seq >= ? LIMIT 1').get(keyedFromInDb) !== undefined ||
      Boolean(sealsExist));
  if (!key && keyNeeded)
    found.add({ kind: 'key-missing', message: message('audit.keyMissing', { file: fileName(auditKeyFile(db.name)) }) });

  const anchored = anchor?.state === 'ok' ? anchor.anchor : null;
  const walk = walkChain(db, key, keyedFrom, anchored ? [anchored.seq] : [], found);
  const chainSound = found.problems.length === 0;

  if (anchor?.state === 'missing')
    found.add({
      kind: 'anchor-missing',
      message: message('audit.anchorMissing', { file: fileName(auditAnchorFile(db.name)) }),
    });
  if (anchor?.state === 'altered')
    found.add({
      kind: 'anchor-altered',
      message: message('audit.anchorAltered', { file: fileName(auditAnchorFile(db.name)) }),
    });
  if (anchored) {
    if (walk.headSeq < anchored.seq) {
      found.entries('entries-removed', walk.headSeq + 1, anchored.seq);
    } else if (anchored.seq > 0 && walk.hashAt.get(anchored.seq) !== anchored.hash) {
      found.entries('head-replaced', anchored.seq);
    } else if (walk.headSeq > anchored.seq && chainSound && !db.readonly) {
      // Behind by entries that all check out with the key: a crash before the anchor's write. Catch it up (a folder
      // that refuses the write leaves it behind, which the next check accepts the same way).
      try {
        // Only over the anchor this check read: one the app wrote meanwhile is newer than this check's snapshot.
        const now = readAnchor(db, key!);
        if (now.state === 'ok' && now.anchor.seq === anchored.seq && now.anchor.hash === anchored.hash)
          writeAnchor(db, key!, { ...trailHead(db), keyedFrom: anchored.keyedFrom });
      } catch {
        /* the verdict stands without the catch-up */
      }
    }
  }

  if (key && hasTable(db, 'audit_row_seals')) {
    checkRowSeals(db, key, walk.latestEntry, walk.headSeq, (f) =>
      found.add({
        kind: f.kind,
        entity: f.entity,
        entityId: f.entityId,
        message: message(f.kind === 'row-unaudited' ? 'audit.rowUnaudited' : 'audit.rowRemoved', {
          entity: message(ENTITY_NAMES[f.entity] ?? 'audit.entity.client'),
          id: f.entityId,
        }),
      }),
    );
  }
  const problems = found.list();
  return { ok: problems.length === 0, entries: walk.entries, problems };
}
