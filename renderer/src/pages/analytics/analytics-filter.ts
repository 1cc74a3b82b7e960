import type { FunnelGroup, FunnelPeriod, FunnelRate } from '../../../../app/analytics/funnel';
import type { FunnelQuery } from '../../../../app/contract';

/** The page's filters as the inputs hold them: '' is "not chosen" (the backend's default range, any family, …). */
export interface AnalyticsFilter {
  from: string;
  to: string;
  period: FunnelPeriod;
  groupBy: FunnelGroup;
  family: string;
  advisor: string;
  policy: string;
  rate: FunnelRate;
}

export const INITIAL_FILTER: AnalyticsFilter = {
  from: '',
  to: '',
  period: 'week',
  groupBy: 'product',
  family: '',
  advisor: '',
  policy: '',
  rate: 'ctr',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days in the chosen range, both ends included; null while either end is empty. */
export function rangeDays(f: AnalyticsFilter): number | null {
  if (!DAY.test(f.from) || !DAY.test(f.to)) return null;
  return (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 + 1;
}

/** What the backend is asked; null while the range is impossible (the field says so). */
export function funnelQuery(f: AnalyticsFilter): FunnelQuery | null {
  const from = DAY.test(f.from) ? f.from : null;
  const to = DAY.test(f.to) ? f.to : null;
  if (from && to && from > to) return null;
  return {
    from,
    to,
    period: f.period,
    groupBy: f.groupBy,
    family: f.family || null,
    advisor: f.advisor || null,
    policy: f.policy || null,
  };
}
