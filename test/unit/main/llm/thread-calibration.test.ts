import { describe, expect, it } from 'vitest';
import { CalibrationSchedule, decideThreads } from '../../../../main/llm/thread-calibration';

describe('choosing the thread count from timed decode steps', () => {
  it('takes more threads only when their median is at least 15 % faster', () => {
    // 2 threads at 40 ms a token against 60 at 1: 25 against 16.7 tok/s, 50 % faster.
    expect(
      decideThreads([
        { threads: 1, msPerToken: [60, 61, 59, 200] },
        { threads: 2, msPerToken: [40, 41, 39, 400] },
      ]).threads,
    ).toBe(2);
    // 10 % faster is not worth a core the window may need.
    expect(
      decideThreads([
        { threads: 1, msPerToken: [55, 55, 55] },
        { threads: 2, msPerToken: [50, 50, 50] },
      ]).threads,
    ).toBe(1);
  });

  it('keeps one thread when a second waits for a busy core, whatever order the samples come in', () => {
    const decision = decideThreads([
      { threads: 2, msPerToken: [600, 1400, 450] },
      { threads: 1, msPerToken: [150, 160, 140] },
    ]);
    expect(decision.threads).toBe(1);
    expect(decision.tokensPerSecond[1]).toBeCloseTo(1000 / 150, 6);
    expect(decision.tokensPerSecond[2]).toBeCloseTo(1000 / 600, 6);
    expect(decision.reason).toBe('measured 1: 6.7 tok/s, 2: 1.7 tok/s; chose 1');
  });

  it('one slow step does not decide: medians, not means', () => {
    expect(
      decideThreads([
        { threads: 1, msPerToken: [70, 70, 70, 70, 70] },
        { threads: 2, msPerToken: [45, 45, 45, 900, 900] },
      ]).threads,
    ).toBe(2);
  });

  it('refuses to choose from nothing', () => {
    expect(() => decideThreads([{ threads: 1, msPerToken: [] }])).toThrow(/No decode steps were timed/);
  });
});

describe('when to measure again', () => {
  it('after a generation decodes at under 60 % of the first one since the last measurement', () => {
    const schedule = new CalibrationSchedule(() => 0);
    schedule.calibrated();
    expect(schedule.due()).toBe(false);
    schedule.observe(20);
    schedule.observe(13);
    expect(schedule.due()).toBe(false);
    schedule.observe(11.9);
    expect(schedule.due()).toBe(true);
    schedule.calibrated();
    expect(schedule.due()).toBe(false);
    // The first generation after a measurement is the new reference, however slow.
    schedule.observe(5);
    schedule.observe(4);
    expect(schedule.due()).toBe(false);
  });

  it('when the last measurement is older than ten minutes, and before the first one', () => {
    let now = 0;
    const schedule = new CalibrationSchedule(() => now);
    expect(schedule.due()).toBe(true);
    schedule.calibrated();
    now = 9 * 60_000;
    expect(schedule.due()).toBe(false);
    now = 10 * 60_000 + 1;
    expect(schedule.due()).toBe(true);
  });

  it('ignores rates that are not rates', () => {
    const schedule = new CalibrationSchedule(() => 0);
    schedule.calibrated();
    schedule.observe(Number.NaN);
    schedule.observe(0);
    schedule.observe(20);
    schedule.observe(Number.POSITIVE_INFINITY);
    expect(schedule.due()).toBe(false);
  });
});
