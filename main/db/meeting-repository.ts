import {
  MeetingPlaceSchema,
  MeetingPurposeSchema,
  type Meeting,
  type MeetingPlace,
  type MeetingPurpose,
} from '../../app/domain';
import { appendAudit } from './audit-log';
import type { Db } from './connection';

export type NewMeeting = Omit<Meeting, 'clientName' | 'locationNote' | 'purposeNote' | 'status'> &
  Partial<Pick<Meeting, 'locationNote' | 'purposeNote' | 'status'>>;

const SELECT = `SELECT m.id, m.client_id AS clientId, c.display_name AS clientName, m.starts_at AS startsAt,
  m.duration_minutes AS durationMinutes, m.location, m.location_note AS locationNote, m.purpose,
  m.purpose_note AS purposeNote, m.advisor_id AS advisorId, m.status
  FROM meetings m JOIN clients c ON c.id = m.client_id`;

type MeetingRow = Omit<Meeting, 'location' | 'purpose'> & { location: string; purpose: string };

/** A code this version does not know (written by a newer one) reads as "other", never as a broken list. */
function toMeeting(row: MeetingRow): Meeting {
  const location: MeetingPlace = MeetingPlaceSchema.safeParse(row.location).data ?? 'other';
  const purpose: MeetingPurpose = MeetingPurposeSchema.safeParse(row.purpose).data ?? 'other';
  return { ...row, location, purpose };
}

const INSERT = `INSERT INTO meetings
  (id, client_id, starts_at, duration_minutes, location, location_note, purpose, purpose_note, advisor_id, status)
  VALUES (@id, @clientId, @startsAt, @durationMinutes, @location, @locationNote, @purpose, @purposeNote, @advisorId,
  @status)`;

const withDefaults = (m: NewMeeting) => ({
  ...m,
  locationNote: m.locationNote ?? '',
  purposeNote: m.purposeNote ?? '',
  status: m.status ?? 'scheduled',
});

export function insertMeetings(db: Db, meetings: readonly NewMeeting[]): void {
  const stmt = db.prepare(INSERT);
  db.transaction(() => {
    for (const m of meetings) stmt.run(withDefaults(m));
  })();
}

/** Meetings that have not started yet and are not cancelled, soonest first. */
export function listUpcomingMeetings(db: Db, now: string, limit: number): Meeting[] {
  return (
    db
      .prepare(`${SELECT} WHERE m.starts_at >= ? AND m.status = 'scheduled' ORDER BY m.starts_at, m.id LIMIT ?`)
      .all(now, limit) as MeetingRow[]
  ).map(toMeeting);
}

/**
 * Meetings starting in [fromIso, toIso), cancelled ones included (with their status), soonest first; one advisor's
 * or everyone's.
 */
export function listMeetingsInRange(db: Db, fromIso: string, toIso: string, advisorId?: string): Meeting[] {
  const rows = advisorId
    ? db
        .prepare(`${SELECT} WHERE m.advisor_id = ? AND m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at, m.id`)
        .all(advisorId, fromIso, toIso)
    : db.prepare(`${SELECT} WHERE m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at, m.id`).all(fromIso, toIso);
  return (rows as MeetingRow[]).map(toMeeting);
}

export function listMeetingsForClient(db: Db, clientId: string): Meeting[] {
  return (
    db.prepare(`${SELECT} WHERE m.client_id = ? ORDER BY m.starts_at DESC, m.id`).all(clientId) as MeetingRow[]
  ).map(toMeeting);
}

export function getMeeting(db: Db, id: string): Meeting | null {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row ? toMeeting(row) : null;
}

export function countMeetings(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
}

interface ChangeMeta {
  at: string;
  actor: string;
}

/** The audited part of a meeting: what an entry's before and after show. */
function audited(m: Meeting) {
  return {
    clientId: m.clientId,
    advisorId: m.advisorId,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    locationNote: m.locationNote,
    purpose: m.purpose,
    purposeNote: m.purposeNote,
    status: m.status,
  };
}

/** Books a meeting and writes its audit entry in one transaction. */
export function createMeeting(db: Db, meeting: NewMeeting, meta: ChangeMeta): Meeting {
  return db.transaction(() => {
    db.prepare(INSERT).run(withDefaults(meeting));
    const created = getMeeting(db, meeting.id)!;
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'meeting',
      entityId: meeting.id,
      action: 'create',
      before: null,
      after: audited(created),
    });
    return created;
  })();
}

/** Moves a meeting to a new start (and length), with its audit entry. */
export function moveMeeting(
  db: Db,
  id: string,
  change: { startsAt: string; durationMinutes: number },
  meta: ChangeMeta,
): Meeting {
  return changeMeeting(db, id, 'move', meta, () =>
    db
      .prepare('UPDATE meetings SET starts_at = ?, duration_minutes = ? WHERE id = ?')
      .run(change.startsAt, change.durationMinutes, id),
  );
}

/** Marks a meeting cancelled (the row stays), with its audit entry. */
export function cancelMeeting(db: Db, id: string, meta: ChangeMeta): Meeting {
  return changeMeeting(db, id, 'cancel', meta, () =>
    db.prepare("UPDATE meetings SET status = 'cancelled' WHERE id = ?").run(id),
  );
}

/** One change to a stored meeting and its audit entry (the row before and after), in one transaction. */
function changeMeeting(db: Db, id: string, action: 'move' | 'cancel', meta: ChangeMeta, apply: () => unknown): Meeting {
  return db.transaction(() => {
    const before = getMeeting(db, id)!;
    apply();
    const after = getMeeting(db, id)!;
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'meeting',
      entityId: id,
      action,
      before: audited(before),
      after: audited(after),
    });
    return after;
  })();
}
