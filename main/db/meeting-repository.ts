import type { Meeting } from '../../app/domain';
import type { Db } from './connection';

export type NewMeeting = Omit<Meeting, 'clientName'>;

const SELECT = `SELECT m.id, m.client_id AS clientId, c.display_name AS clientName, m.starts_at AS startsAt,
  m.duration_minutes AS durationMinutes, m.location, m.purpose, m.advisor_id AS advisorId
  FROM meetings m JOIN clients c ON c.id = m.client_id`;

export function insertMeetings(db: Db, meetings: readonly NewMeeting[]): void {
  const stmt =
    db.prepare(`INSERT INTO meetings (id, client_id, starts_at, duration_minutes, location, purpose, advisor_id)
    VALUES (@id, @clientId, @startsAt, @durationMinutes, @location, @purpose, @advisorId)`);
  db.transaction(() => {
    for (const m of meetings) stmt.run(m);
  })();
}

/** Meetings that have not started yet, soonest first. */
export function listUpcomingMeetings(db: Db, now: string, limit: number): Meeting[] {
  return db.prepare(`${SELECT} WHERE m.starts_at >= ? ORDER BY m.starts_at, m.id LIMIT ?`).all(now, limit) as Meeting[];
}

export function listMeetingsForClient(db: Db, clientId: string): Meeting[] {
  return db.prepare(`${SELECT} WHERE m.client_id = ? ORDER BY m.starts_at DESC, m.id`).all(clientId) as Meeting[];
}

export function countMeetings(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
}
