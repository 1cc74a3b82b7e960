import { describe, expect, it } from 'vitest';
import {
  byDay,
  dayHeading,
  minutesOf,
  periodDays,
  periodRange,
  stepPeriod,
  todayIn,
  wallClockTime,
} from '../../../renderer/src/pages/meetings/agenda-period';

describe('agenda periods', () => {
  it('shows a day, or Monday to Sunday of its week, and steps by a day or a week', () => {
    expect(periodDays('day', '2026-12-03')).toEqual(['2026-12-03']);
    expect(periodDays('week', '2026-12-03')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(stepPeriod('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepPeriod('week', '2026-12-03', -1)).toBe('2026-11-26');
  });

  it("cuts a period at the advisor's midnights, a short day across a clock change included", () => {
    expect(periodRange('day', '2026-12-03', 'Asia/Shanghai')).toEqual({
      from: '2026-12-02T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
    // London moves to summer time on Sunday 29 March 2026: that week is 167 hours long.
    const week = periodRange('week', '2026-03-25', 'Europe/London');
    expect(week.from).toBe('2026-03-23T00:00:00.000Z');
    expect((Date.parse(week.to) - Date.parse(week.from)) / 3_600_000).toBe(167);
  });

  it("files each meeting under the day it starts on in the advisor's zone, keeping empty days", () => {
    const late = { id: 'late', startsAt: '2026-12-03T17:00:00.000Z' }; // Friday 01:00 in Shanghai
    const grouped = byDay([late], periodDays('week', '2026-12-03'), 'Asia/Shanghai');
    expect(grouped.get('2026-12-04')).toEqual([late]);
    expect(grouped.get('2026-12-03')).toEqual([]);
    expect(grouped.size).toBe(7);
    expect(byDay([late], ['2026-12-03'], 'UTC').get('2026-12-03')).toEqual([late]);
  });

  it("reads today and a meeting's time on the zone's clock, not the machine's", () => {
    const evening = new Date('2026-12-03T20:00:00.000Z');
    expect(todayIn('Asia/Shanghai', evening)).toBe('2026-12-04');
    expect(todayIn('America/New_York', evening)).toBe('2026-12-03');
    expect(wallClockTime('2026-12-03T01:30:00.000Z', 'Asia/Shanghai')).toBe('09:30');
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('25:00')).toBeNull();
  });

  it('names a calendar day in either language without shifting it', () => {
    expect(dayHeading('en', '2026-12-03')).toMatch(/Thursday.*3 December 2026/);
    expect(dayHeading('zh-CN', '2026-12-03')).toMatch(/2026年12月3日.*星期四/);
  });
});
