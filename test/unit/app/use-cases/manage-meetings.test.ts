import { describe, expect, it } from 'vitest';
import type { DeskUser } from '../../../../app/domain/desk-users';
import { DomainError } from '../../../../app/domain/domain-error';
import { meetingEndMs, type Meeting } from '../../../../app/domain/meeting';
import { DEFAULT_SETTINGS } from '../../../../app/domain/settings';
import type { ChangeMeta, MeetingStore, Stores } from '../../../../app/ports';
import { createMeetingUseCases, type MeetingRequest } from '../../../../app/use-cases/manage-meetings';

const NOW = '2026-12-03T02:00:00.000Z'; // 10:00 in Shanghai

const user = (id: string, roles: DeskUser['roles']): DeskUser => ({
  id,
  displayName: id,
  roles,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const ADVISOR = user('ADV-01', ['advisor']);
const OTHER_ADVISOR = user('ADV-02', ['advisor']);
const ADMIN = user('ADM-01', ['administrator']);

/** The meetings the use-cases see, in memory, with the change log the store would audit. */
function memoryMeetings(initial: Meeting[] = []) {
  const rows = new Map(initial.map((m) => [m.id, m]));
  const changes: { action: string; id: string; meta: ChangeMeta }[] = [];
  const store: MeetingStore = {
    upcoming: () => [],
    forClient: () => [],
    get: (id) => rows.get(id) ?? null,
    inRange: (from, to, advisorId) =>
      [...rows.values()]
        .filter((m) => m.startsAt >= from && m.startsAt < to && (!advisorId || m.advisorId === advisorId))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    create: (booking, meta) => {
      const created: Meeting = { ...booking, clientName: `Name of ${booking.clientId}`, status: 'scheduled' };
      rows.set(created.id, created);
      changes.push({ action: 'create', id: created.id, meta });
      return created;
    },
    move: (id, change, meta) => {
      const moved = { ...rows.get(id)!, ...change };
      rows.set(id, moved);
      changes.push({ action: 'move', id, meta });
      return moved;
    },
    cancel: (id, meta) => {
      const cancelled: Meeting = { ...rows.get(id)!, status: 'cancelled' };
      rows.set(id, cancelled);
      changes.push({ action: 'cancel', id, meta });
      return cancelled;
    },
  };
  return { store, rows, changes };
}

function setUp(options: { as?: DeskUser; meetings?: Meeting[] } = {}) {
  const memory = memoryMeetings(options.meetings);
  const events: unknown[] = [];
  let n = 0;
  const useCases = createMeetingUseCases({
    stores: {
      meetings: memory.store,
      clients: { exists: (id: string) => id.startsWith('CL-') } as unknown as Stores['clients'],
      settings: { get: () => ({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' }), update: () => DEFAULT_SETTINGS },
    },
    clock: { nowIso: () => NOW, today: () => NOW.slice(0, 10) },
    ids: { randomId: () => `${String(++n).padStart(8, '0')}ffffffffffffffffffffffff` },
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    currentUser: () => options.as ?? ADVISOR,
  });
  return { ...memory, events, useCases };
}

const meeting = (over: Partial<Meeting>): Meeting => ({
  id: 'MT-1',
  clientId: 'CL-0001',
  clientName: 'Ada Lin',
  startsAt: '2026-12-03T06:00:00.000Z', // 14:00 in Shanghai
  durationMinutes: 60,
  location: 'branch',
  locationNote: '',
  purpose: 'annual-review',
  purposeNote: '',
  advisorId: ADVISOR.id,
  status: 'scheduled',
  ...over,
});

const request = (over: Partial<MeetingRequest> = {}): MeetingRequest => ({
  clientId: 'CL-0002',
  startsAt: '2026-12-04T01:30:00.000Z',
  durationMinutes: 45,
  location: 'video',
  purpose: 'protection-review',
  purposeNote: '  mother’s care costs ',
  ...over,
});

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('arranging meetings', () => {
  it('books a meeting for the signed-in advisor, trims the notes, records who and when, and says meetings changed', () => {
    const { useCases, changes, events } = setUp();
    const created = useCases.create(request());
    expect(created).toMatchObject({
      advisorId: ADVISOR.id,
      clientId: 'CL-0002',
      location: 'video',
      purpose: 'protection-review',
      purposeNote: 'mother’s care costs',
      status: 'scheduled',
    });
    expect(created.id).toMatch(/^MT-/);
    expect(changes).toEqual([{ action: 'create', id: created.id, meta: { at: NOW, actor: ADVISOR.id } }]);
    expect(events).toEqual([{ event: 'data:changed', payload: { entity: 'meetings' } }]);
  });

  it('refuses a meeting in the past, and moving one into the past, pointing at the start time', () => {
    const { useCases, changes } = setUp({ meetings: [meeting({})] });
    const booked = refusal(() => useCases.create(request({ startsAt: '2026-12-03T01:59:00.000Z' })));
    expect(booked.code).toBe('validation');
    expect(booked.issues?.[0]).toMatchObject({ field: 'startsAt', message: { key: 'agenda.error.past' } });
    const moved = refusal(() => useCases.move({ id: 'MT-1', startsAt: '2026-12-02T06:00:00.000Z' }));
    expect(moved.code).toBe('validation');
    expect(changes).toEqual([]);
  });

  it('refuses an overlap with the same advisor’s meeting and names it in the advisor’s time', () => {
    const { useCases, changes } = setUp({ meetings: [meeting({})] });
    // 14:30 to 15:15 in Shanghai runs into the 14:00 to 15:00 meeting.
    const clash = refusal(() => useCases.create(request({ startsAt: '2026-12-03T06:30:00.000Z' })));
    expect(clash.code).toBe('conflict');
    expect(clash.issues?.[0]).toMatchObject({
      field: 'startsAt',
      message: {
        key: 'agenda.error.overlap',
        params: { client: 'Ada Lin', clientId: 'CL-0001', at: '2026-12-03 14:00' },
      },
    });
    // One that started earlier and is still running clashes too.
    const long = setUp({ meetings: [meeting({ startsAt: '2026-12-03T03:00:00.000Z', durationMinutes: 240 })] });
    expect(refusal(() => long.useCases.create(request({ startsAt: '2026-12-03T06:00:00.000Z' }))).code).toBe(
      'conflict',
    );
    expect(changes).toEqual([]);
  });

  it('allows back-to-back meetings, another advisor’s meeting at the same time, and a cancelled one’s slot', () => {
    const existing = meeting({});
    const end = new Date(meetingEndMs(existing)).toISOString();
    const { useCases } = setUp({
      meetings: [existing, meeting({ id: 'MT-2', startsAt: '2026-12-03T08:00:00.000Z', status: 'cancelled' })],
    });
    expect(useCases.create(request({ startsAt: end })).startsAt).toBe(end);
    expect(useCases.create(request({ startsAt: '2026-12-03T08:00:00.000Z' })).status).toBe('scheduled');
    const other = setUp({ as: OTHER_ADVISOR, meetings: [existing] });
    expect(other.useCases.create(request({ startsAt: existing.startsAt })).advisorId).toBe(OTHER_ADVISOR.id);
  });

  it('moves a meeting without clashing with itself, keeping its length unless a new one is given', () => {
    const { useCases, changes } = setUp({ meetings: [meeting({})] });
    const moved = useCases.move({ id: 'MT-1', startsAt: '2026-12-03T06:30:00.000Z' });
    expect(moved).toMatchObject({ startsAt: '2026-12-03T06:30:00.000Z', durationMinutes: 60 });
    expect(useCases.move({ id: 'MT-1', startsAt: '2026-12-07T01:00:00.000Z', durationMinutes: 90 })).toMatchObject({
      durationMinutes: 90,
    });
    expect(changes.map((c) => c.action)).toEqual(['move', 'move']);
  });

  it('cancels once: a cancelled meeting is kept and can be neither moved nor cancelled again', () => {
    const { useCases, rows } = setUp({ meetings: [meeting({})] });
    expect(useCases.cancel({ id: 'MT-1' }).status).toBe('cancelled');
    expect(rows.get('MT-1')?.status).toBe('cancelled');
    expect(refusal(() => useCases.cancel({ id: 'MT-1' })).code).toBe('conflict');
    expect(refusal(() => useCases.move({ id: 'MT-1', startsAt: '2026-12-07T01:00:00.000Z' })).code).toBe('conflict');
    expect(refusal(() => useCases.cancel({ id: 'MT-NOPE' })).code).toBe('not_found');
  });

  it('lets an advisor arrange only their own meetings, and an administrator anyone’s', () => {
    const theirs = meeting({ advisorId: OTHER_ADVISOR.id });
    const mine = setUp({ meetings: [theirs] });
    expect(refusal(() => mine.useCases.cancel({ id: 'MT-1' })).code).toBe('forbidden');
    expect(refusal(() => mine.useCases.create(request({ advisorId: OTHER_ADVISOR.id }))).code).toBe('forbidden');
    const admin = setUp({ as: ADMIN, meetings: [theirs] });
    expect(admin.useCases.move({ id: 'MT-1', startsAt: '2026-12-08T02:00:00.000Z' }).advisorId).toBe(OTHER_ADVISOR.id);
    expect(admin.useCases.create(request({ advisorId: OTHER_ADVISOR.id })).advisorId).toBe(OTHER_ADVISOR.id);
  });

  it('refuses an unknown client and a meeting longer than a working day', () => {
    const { useCases } = setUp();
    expect(refusal(() => useCases.create(request({ clientId: 'NOBODY' }))).code).toBe('not_found');
    expect(refusal(() => useCases.create(request({ durationMinutes: 600 }))).issues?.[0]?.field).toBe(
      'durationMinutes',
    );
  });

  it('lists one advisor’s meetings of a range, or everyone’s, cancelled ones included', () => {
    const { useCases } = setUp({
      meetings: [
        meeting({}),
        meeting({ id: 'MT-2', advisorId: OTHER_ADVISOR.id }),
        meeting({ id: 'MT-3', status: 'cancelled', startsAt: '2026-12-03T08:00:00.000Z' }),
      ],
    });
    const range = { from: '2026-12-02T16:00:00.000Z', to: '2026-12-03T16:00:00.000Z' };
    expect(useCases.range({ ...range, advisorId: ADVISOR.id }).map((m) => m.id)).toEqual(['MT-1', 'MT-3']);
    expect(useCases.range({ ...range, advisorId: 'all' })).toHaveLength(3);
  });
});
