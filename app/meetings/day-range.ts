/**
 * Calendar days in a named time zone (IANA, e.g. "Asia/Shanghai"), turned into UTC instants for queries on stored
 * ISO times. A day is local midnight to the next local midnight, so a day across a daylight-saving change is 23 or
 * 25 hours long. Uses only Intl, which every supported runtime carries with full time-zone data.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when the runtime knows the zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone the machine is set to, or UTC when the runtime cannot say. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes the zone is ahead of UTC at an instant (480 for Shanghai, -300 for New York in winter). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in a zone. A time skipped by a daylight-saving jump resolves to the instant
 * after the jump; a repeated time to its first occurrence.
 */
export function zonedInstant(date: string, minutesAfterMidnight: number, timeZone: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD.`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutesAfterMidnight * 60_000;
  const before = wall - zoneOffsetMinutes(wall - 43_200_000, timeZone) * 60_000;
  const after = wall - zoneOffsetMinutes(wall + 43_200_000, timeZone) * 60_000;
  const valid = [before, after].filter((t) => t + zoneOffsetMinutes(t, timeZone) * 60_000 === wall);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(before, after));
}

/** Local midnight to the next local midnight of a calendar day, as UTC ISO instants (from inclusive, to exclusive). */
export function zonedDayRange(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: zonedInstant(date, 0, timeZone).toISOString(),
    to: zonedInstant(addDays(date, 1), 0, timeZone).toISOString(),
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const w = wallClock(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** A calendar day plus or minus whole days. */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD.`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** Monday of the week a calendar day is in (weeks start on Monday, as in both the app's languages' regions). */
export function weekStart(date: string): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD.`);
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
