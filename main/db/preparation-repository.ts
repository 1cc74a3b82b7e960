import type {
  PreparationEngine,
  PreparationItem,
  PreparationJob,
  PreparationState,
  PreparedDraft,
} from '../../app/meetings/preparation-job';
import type { MeetingToPrepare, PreparationStore } from '../../app/use-cases/prepare-meetings';
import type { Db } from './connection';

interface JobRow {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  state: PreparationState;
  interrupted: number;
  label: string;
  out_dir: string;
  top_products: number;
  engine: string | null;
}

interface ItemRow {
  position: number;
  meeting_id: string;
  client_id: string;
  impression_id: string | null;
  products_json: string | null;
  drafts_json: string;
  pack_file: string | null;
  error: string | null;
}

/** 'template', or 'model:FILE'. */
function engineOf(text: string | null): PreparationEngine | null {
  if (text === null) return null;
  if (text.startsWith('model:')) return { kind: 'model', file: text.slice('model:'.length) };
  return { kind: 'template' };
}

const engineText = (engine: PreparationEngine): string =>
  engine.kind === 'model' ? `model:${engine.file}` : 'template';

function itemOf(row: ItemRow): PreparationItem {
  return {
    position: row.position,
    meetingId: row.meeting_id,
    clientId: row.client_id,
    impressionId: row.impression_id,
    products: row.products_json === null ? null : (JSON.parse(row.products_json) as string[]),
    drafts: JSON.parse(row.drafts_json) as PreparedDraft[],
    packFile: row.pack_file,
    error: row.error,
  };
}

function jobOf(db: Db, row: JobRow): PreparationJob {
  const items = db
    .prepare('SELECT * FROM preparation_items WHERE job_id = ? ORDER BY position')
    .all(row.id) as ItemRow[];
  return {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    state: row.state,
    interrupted: row.interrupted === 1,
    label: row.label,
    outDir: row.out_dir,
    top: row.top_products,
    engine: engineOf(row.engine),
    items: items.map(itemOf),
  };
}

/** Preparation jobs and their items (migration 0180), as the preparation use-case's store. */
export function preparationStore(db: Db): PreparationStore {
  return {
    create(job) {
      const insertJob = db.prepare(`INSERT INTO preparation_jobs
        (id, created_at, created_by, updated_at, state, interrupted, label, out_dir, top_products, engine)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const insertItem = db.prepare(`INSERT INTO preparation_items
        (job_id, position, meeting_id, client_id, impression_id, products_json, drafts_json, pack_file, error)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      db.transaction(() => {
        insertJob.run(
          job.id,
          job.createdAt,
          job.createdBy,
          job.updatedAt,
          job.state,
          job.interrupted ? 1 : 0,
          job.label,
          job.outDir,
          job.top,
          job.engine ? engineText(job.engine) : null,
        );
        for (const item of job.items)
          insertItem.run(
            job.id,
            item.position,
            item.meetingId,
            item.clientId,
            item.impressionId,
            item.products === null ? null : JSON.stringify(item.products),
            JSON.stringify(item.drafts),
            item.packFile,
            item.error,
          );
      })();
    },
    get(jobId) {
      const row = db.prepare('SELECT * FROM preparation_jobs WHERE id = ?').get(jobId) as JobRow | undefined;
      return row ? jobOf(db, row) : null;
    },
    list(limit) {
      const rows = db
        .prepare('SELECT * FROM preparation_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?')
        .all(limit) as JobRow[];
      return rows.map((row) => jobOf(db, row));
    },
    running() {
      return (db.prepare(`SELECT id FROM preparation_jobs WHERE state = 'running'`).all() as { id: string }[]).map(
        (r) => r.id,
      );
    },
    setState(jobId, state, interrupted, at) {
      db.prepare('UPDATE preparation_jobs SET state = ?, interrupted = ?, updated_at = ? WHERE id = ?').run(
        state,
        interrupted ? 1 : 0,
        at,
        jobId,
      );
    },
    setEngine(jobId, engine, at) {
      db.prepare('UPDATE preparation_jobs SET engine = ?, updated_at = ? WHERE id = ?').run(
        engineText(engine),
        at,
        jobId,
      );
    },
    saveItem(jobId, item, at) {
      db.transaction(() => {
        db.prepare(
          `UPDATE preparation_items SET impression_id = ?, products_json = ?, drafts_json = ?, pack_file = ?, error = ?
           WHERE job_id = ? AND position = ?`,
        ).run(
          item.impressionId,
          item.products === null ? null : JSON.stringify(item.products),
          JSON.stringify(item.drafts),
          item.packFile,
          item.error,
          jobId,
          item.position,
        );
        db.prepare('UPDATE preparation_jobs SET updated_at = ? WHERE id = ?').run(at, jobId);
      })();
    },
    itemsOfMeetings(meetingIds) {
      if (meetingIds.length === 0) return [];
      const marks = meetingIds.map(() => '?').join(', ');
      const rows = db
        .prepare(
          `SELECT i.*, j.state AS job_state FROM preparation_items i JOIN preparation_jobs j ON j.id = i.job_id
           WHERE i.meeting_id IN (${marks}) ORDER BY j.created_at DESC, j.rowid DESC`,
        )
        .all(...meetingIds) as (ItemRow & { job_id: string; job_state: PreparationState })[];
      return rows.map((row) => ({ jobId: row.job_id, state: row.job_state, item: itemOf(row) }));
    },
  };
}

interface MeetingRow {
  id: string;
  clientId: string;
  clientName: string;
  startsAt: string;
}

const MEETINGS = `SELECT m.id, m.client_id AS clientId, c.display_name AS clientName, m.starts_at AS startsAt
  FROM meetings m JOIN clients c ON c.id = m.client_id`;

/** Scheduled meetings starting in [from, to) (UTC instants), optionally one advisor's, in time order. */
export function meetingsBetween(db: Db, from: string, to: string, advisorId?: string): MeetingToPrepare[] {
  const byAdvisor = advisorId === undefined ? '' : ' AND m.advisor_id = @advisorId';
  return db
    .prepare(
      `${MEETINGS} WHERE m.starts_at >= @from AND m.starts_at < @to AND m.status = 'scheduled'${byAdvisor}
       ORDER BY m.starts_at, m.id`,
    )
    .all({ from, to, ...(advisorId === undefined ? {} : { advisorId }) }) as MeetingRow[];
}

/** The meetings with these ids, in time order (unknown ids are left out; cancelled ones too, with `scheduled`). */
export function meetingsById(
  db: Db,
  ids: readonly string[],
  options: { scheduled?: boolean } = {},
): MeetingToPrepare[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const scheduled = options.scheduled ? ` AND m.status = 'scheduled'` : '';
  return db
    .prepare(`${MEETINGS} WHERE m.id IN (${marks})${scheduled} ORDER BY m.starts_at, m.id`)
    .all(...ids) as MeetingRow[];
}
