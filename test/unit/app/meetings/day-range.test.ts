import { describe, expect, it } from 'vitest';
import { addDays, localDate, weekStart, zonedDayRange, zonedInstant } from '../../../../app/meetings/day-range';

describe('calendar days in a time zone', () => {
  it('a Shanghai day starts at 16:00 UTC the day before', () => {
    expect(zonedDayRange('2026-12-03', 'Asia/Shanghai')).toEqual({
      from: '2026-12-02T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
  });

  it('days across daylight-saving changes are 23 and 25 hours long', () => {
    const spring = zonedDayRange('2026-03-29', 'Europe/London');
    expect(Date.parse(spring.to) - Date.parse(spring.from)).toBe(23 * 3_600_000);
    const autumn = zonedDayRange('2026-10-25', 'Europe/London');
    expect(Date.parse(autumn.to) - Date.parse(autumn.from)).toBe(25 * 3_600_000);
  });

  it('a wall-clock time skipped by the spring jump lands after it; a repeated one on its first occurrence', () => {
    expect(zonedInstant('2026-03-08', 150, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedInstant('2026-11-01', 90, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('the local date of an instant, and day arithmetic across months and weeks', () => {
    expect(localDate('2026-12-02T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-03');
    expect(localDate('2026-12-02T16:30:00Z', 'UTC')).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekStart('2026-12-03')).toBe('2026-11-30');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
  });

  it('names a malformed day', () => {
    expect(() => zonedDayRange('3 Dec', 'UTC')).toThrow(/"3 Dec" is not a date/);
  });
});
