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

/** The current month, first to last day, in the advisor's time zone. */
export function currentMonth(now: Date = new Date()): { from: string; to: string } {
  const today = localToday(now);
  const last = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
  return { from: `${today.slice(0, 8)}01`, to: `${today.slice(0, 8)}${String(last).padStart(2, '0')}` };
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
