import type { MessageKey } from '../../../../app/messages';
import { localToday } from '../../i18n/format';

/** What the Compliance page filters by; empty strings mean "any". */
export interface ComplianceFilter {
  from: string;
  to: string;
  client: string;
  advisor: string;
  kind: string;
}

/**
 * The last quarter up to today, in the advisor's time zone: what a compliance officer opens the page to look at (the
 * calendar month would show nothing on the first days of a month).
 */
export function lastQuarter(now: Date = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 89);
  return { from: localToday(start), to: localToday(now) };
}

export const RECORD_KINDS = ['pitch-approved', 'ranking-presented', 'correction'] as const;

export function kindLabel(kind: string): MessageKey | null {
  return (RECORD_KINDS as readonly string[]).includes(kind) ? (`compliance.kind.${kind}` as MessageKey) : null;
}

/** The filter as the backend takes it: blanks as null, a period only once both days are set and in order. */
export function backendFilter(filter: ComplianceFilter) {
  const period = filter.from && filter.to && filter.from <= filter.to;
  return {
    from: period ? filter.from : null,
    to: period ? filter.to : null,
    client: filter.client.trim() || null,
    advisor: filter.advisor || null,
    kind: filter.kind || null,
  };
}
