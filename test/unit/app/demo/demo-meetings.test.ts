import { describe, expect, it } from 'vitest';
import { DEMO_ADVISORS, DEMO_BRANCH_TIME_ZONE } from '../../../../app/demo/demo-activity';
import { generateDemoData } from '../../../../app/demo/demo-data';
import { DEMO_ADVISOR_ID } from '../../../../app/demo/demo-users';
import { MeetingSchema, meetingEndMs } from '../../../../app/domain';
import { addDays, localDate, zonedDayRange } from '../../../../app/meetings/day-range';

/** "HH:MM" of an instant on the branch's clock. */
const branchClock = (instant: string | number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: DEMO_BRANCH_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));

// A Thursday, a Saturday (the pinned days then include a weekend) and a late-evening UTC seed are all covered.
describe.each(['2026-12-03', '2026-12-05', '2027-03-29'])('demo meetings seeded on %s', (today) => {
  const { meetings } = generateDemoData({ today });

  it('are in the branch’s office hours, 09:00 to 17:30 Shanghai time', () => {
    for (const m of meetings) {
      expect(MeetingSchema.omit({ clientName: true }).safeParse(m).success).toBe(true);
      expect(branchClock(m.startsAt) >= '09:00').toBe(true);
      expect(branchClock(meetingEndMs(m)) <= '17:30').toBe(true);
      expect(localDate(new Date(meetingEndMs(m) - 1), DEMO_BRANCH_TIME_ZONE)).toBe(
        localDate(m.startsAt, DEMO_BRANCH_TIME_ZONE),
      );
    }
  });

  it('give every advisor, the demo’s default sign-in first, meetings on the branch’s today and tomorrow', () => {
    // Whatever the hour in UTC, the branch's today is the seed day or the day after it.
    for (const branchToday of [today, addDays(today, 1)]) {
      for (const day of [branchToday, addDays(branchToday, 1)]) {
        const { from, to } = zonedDayRange(day, DEMO_BRANCH_TIME_ZONE);
        const onDay = meetings.filter((m) => m.startsAt >= from && m.startsAt < to);
        expect(new Set(onDay.map((m) => m.advisorId))).toEqual(new Set(DEMO_ADVISORS));
        expect(onDay.some((m) => m.advisorId === DEMO_ADVISOR_ID)).toBe(true);
      }
    }
  });

  it('never double-book an advisor', () => {
    for (const advisor of DEMO_ADVISORS) {
      const own = meetings.filter((m) => m.advisorId === advisor).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (let i = 1; i < own.length; i++)
        expect(Date.parse(own[i]!.startsAt)).toBeGreaterThanOrEqual(meetingEndMs(own[i - 1]!));
    }
  });

  it('fall on weekdays after the pinned first days', () => {
    const pinnedUntil = zonedDayRange(addDays(today, 2), DEMO_BRANCH_TIME_ZONE).to;
    for (const m of meetings.filter((m) => m.startsAt >= pinnedUntil)) {
      const weekday = new Date(`${localDate(m.startsAt, DEMO_BRANCH_TIME_ZONE)}T00:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
    }
  });
});
