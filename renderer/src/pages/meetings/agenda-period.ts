import { addDays, localDate, weekStart, zonedDayRange } from '../../../../app/meetings/day-range';
import { LOCALE_TAGS, type Language } from '../../../../app/messages';

export type AgendaView = 'day' | 'week';

/** The calendar days a view shows around a day: the day itself, or Monday to Sunday of its week. */
export function periodDays(view: AgendaView, day: string): string[] {
  if (view === 'day') return [day];
  const monday = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The UTC instants a view covers, local midnight to local midnight in the advisor's zone. */
export function periodRange(view: AgendaView, day: string, timeZone: string): { from: string; to: string } {
  const days = periodDays(view, day);
  return { from: zonedDayRange(days[0]!, timeZone).from, to: zonedDayRange(days[days.length - 1]!, timeZone).to };
}

/** The day a step back or forward lands on: a day in the day view, a week in the week view. */
export const stepPeriod = (view: AgendaView, day: string, direction: -1 | 1): string =>
  addDays(day, direction * (view === 'day' ? 1 : 7));

/** Today in the advisor's zone, which is not the machine's when the two differ. */
export const todayIn = (timeZone: string, now: Date = new Date()): string => localDate(now, timeZone);

/** Meetings by the calendar day they start on in the zone, for every day of the period (empty days included). */
export function byDay<M extends { startsAt: string }>(
  meetings: readonly M[],
  days: readonly string[],
  timeZone: string,
): Map<string, M[]> {
  const grouped = new Map<string, M[]>(days.map((d) => [d, []]));
  for (const m of meetings) grouped.get(localDate(m.startsAt, timeZone))?.push(m);
  return grouped;
}

const headings = new Map<string, Intl.DateTimeFormat>();

/** "Thursday 3 December 2026" / "2026年12月3日星期四": a calendar day, never shifted by a zone. */
export function dayHeading(language: Language, day: string, short = false): string {
  const key = `${language} ${short}`;
  let format = headings.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[language], {
      weekday: short ? 'short' : 'long',
      year: short ? undefined : 'numeric',
      month: short ? 'short' : 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    headings.set(key, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** Minutes after midnight from "HH:MM". */
export function minutesOf(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes < 24 * 60 ? minutes : null;
}

/** "HH:MM" of an instant as the zone's clock shows it. */
export function wallClockTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}
