import { DomainError } from '../domain/domain-error';
import type { DeskUser } from '../domain/desk-users';
import { meetingEndMs, type Meeting, type MeetingPlace, type MeetingPurpose } from '../domain/meeting';
import { localDate } from '../meetings/day-range';
import { message } from '../messages';
import type { Clock, EventSink, IdSource, Stores } from '../ports';

export interface ManageMeetingsDeps {
  stores: Pick<Stores, 'clients' | 'meetings' | 'settings'>;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  /** The signed-in user; the backend's permission check has already refused anyone who may not arrange meetings. */
  currentUser(): DeskUser;
}

export interface MeetingRequest {
  clientId: string;
  startsAt: string;
  durationMinutes: number;
  location: MeetingPlace;
  locationNote?: string;
  purpose: MeetingPurpose;
  purposeNote?: string;
  /** Whose meeting it is: the signed-in user's own unless an administrator books it for someone else. */
  advisorId?: string;
}

/** "2026-12-03 14:30": an instant as the advisor's clock shows it, for messages that name a meeting's time. */
export function wallTime(instant: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${localDate(instant, timeZone)} ${time.format(new Date(instant))}`;
}

/** Meetings longer than a working day are a typing mistake, not a meeting. */
export const LONGEST_MEETING_MINUTES = 8 * 60;
/** How far back the overlap check looks for a meeting that started earlier and is still running. */
const OVERLAP_LOOKBACK_MS = LONGEST_MEETING_MINUTES * 60_000;

/**
 * The agenda's changes. Rules, each refused with a message the form shows beside the field:
 * - a meeting is booked or moved only into the future (the past is a record, not a plan);
 * - one advisor's scheduled meetings never overlap: a clash is refused and names the meeting it clashes with
 *   (refused rather than warned, so a prepared day never holds two clients at once);
 * - a cancelled meeting is kept and cannot be moved or cancelled again;
 * - an advisor arranges their own meetings; an administrator anyone's.
 */
export function createMeetingUseCases(deps: ManageMeetingsDeps) {
  const { meetings } = deps.stores;
  const meta = () => ({ at: deps.clock.nowIso(), actor: deps.currentUser().id });
  const changed = () => deps.events.emit('data:changed', { entity: 'meetings' });

  function mayArrange(advisorId: string): void {
    const user = deps.currentUser();
    if (user.id === advisorId || user.roles.includes('administrator')) return;
    throw new DomainError('forbidden', `${user.displayName} can arrange only their own meetings.`, [
      { field: 'advisorId', message: message('agenda.error.notYours') },
    ]);
  }

  function checkTime(startsAt: string, durationMinutes: number): void {
    if (Date.parse(startsAt) < Date.parse(deps.clock.nowIso()))
      throw new DomainError('validation', 'A meeting can only be arranged for a time that has not passed.', [
        { field: 'startsAt', message: message('agenda.error.past') },
      ]);
    if (!Number.isInteger(durationMinutes) || durationMinutes < 5 || durationMinutes > LONGEST_MEETING_MINUTES)
      throw new DomainError('validation', `A meeting lasts 5 to ${LONGEST_MEETING_MINUTES} minutes.`, [
        { field: 'durationMinutes', message: message('agenda.error.duration', { max: LONGEST_MEETING_MINUTES }) },
      ]);
  }

  /** The advisor's scheduled meeting that would overlap [startsAt, +duration), other than `exceptId`. */
  function clashWith(advisorId: string, startsAt: string, durationMinutes: number, exceptId?: string) {
    const start = Date.parse(startsAt);
    const end = start + durationMinutes * 60_000;
    const from = new Date(start - OVERLAP_LOOKBACK_MS).toISOString();
    const to = new Date(end).toISOString();
    return meetings
      .inRange(from, to, advisorId)
      .find(
        (m) => m.status === 'scheduled' && m.id !== exceptId && Date.parse(m.startsAt) < end && start < meetingEndMs(m),
      );
  }

  function refuseClash(clash: Meeting | undefined): void {
    if (!clash) return;
    throw new DomainError(
      'conflict',
      `The advisor already has a meeting then (${clash.id}, ${clash.startsAt}, ${clash.durationMinutes} minutes).`,
      [
        {
          field: 'startsAt',
          message: message('agenda.error.overlap', {
            client: clash.clientName,
            clientId: clash.clientId,
            at: wallTime(clash.startsAt, deps.stores.settings.get().timeZone),
          }),
        },
      ],
    );
  }

  function existing(id: string): Meeting {
    const meeting = meetings.get(id);
    if (!meeting) throw new DomainError('not_found', `No meeting ${id}.`);
    return meeting;
  }

  function scheduled(meeting: Meeting): void {
    if (meeting.status === 'cancelled')
      throw new DomainError('conflict', `Meeting ${meeting.id} is cancelled.`, [
        { field: 'status', message: message('agenda.error.cancelled') },
      ]);
  }

  function newMeetingId(): string {
    for (;;) {
      const id = `MT-${deps.ids.randomId().slice(0, 8).toUpperCase()}`;
      if (!meetings.get(id)) return id;
    }
  }

  return {
    /** Meetings starting in [from, to): one advisor's, or everyone's with 'all'. */
    range(input: { from: string; to: string; advisorId: string | 'all' }): Meeting[] {
      return meetings.inRange(input.from, input.to, input.advisorId === 'all' ? undefined : input.advisorId);
    },

    create(request: MeetingRequest): Meeting {
      const advisorId = request.advisorId ?? deps.currentUser().id;
      mayArrange(advisorId);
      if (!deps.stores.clients.exists(request.clientId))
        throw new DomainError('not_found', `No client with id ${request.clientId}.`, [
          { field: 'clientId', message: message('agenda.error.noClient') },
        ]);
      checkTime(request.startsAt, request.durationMinutes);
      refuseClash(clashWith(advisorId, request.startsAt, request.durationMinutes));
      const created = meetings.create(
        {
          id: newMeetingId(),
          clientId: request.clientId,
          startsAt: new Date(request.startsAt).toISOString(),
          durationMinutes: request.durationMinutes,
          location: request.location,
          locationNote: request.locationNote?.trim() ?? '',
          purpose: request.purpose,
          purposeNote: request.purposeNote?.trim() ?? '',
          advisorId,
        },
        meta(),
      );
      changed();
      return created;
    },

    move(input: { id: string; startsAt: string; durationMinutes?: number }): Meeting {
      const meeting = existing(input.id);
      mayArrange(meeting.advisorId);
      scheduled(meeting);
      const durationMinutes = input.durationMinutes ?? meeting.durationMinutes;
      checkTime(input.startsAt, durationMinutes);
      refuseClash(clashWith(meeting.advisorId, input.startsAt, durationMinutes, meeting.id));
      const moved = meetings.move(
        meeting.id,
        { startsAt: new Date(input.startsAt).toISOString(), durationMinutes },
        meta(),
      );
      changed();
      return moved;
    },

    cancel(input: { id: string }): Meeting {
      const meeting = existing(input.id);
      mayArrange(meeting.advisorId);
      scheduled(meeting);
      const cancelled = meetings.cancel(meeting.id, meta());
      changed();
      return cancelled;
    },
  };
}
