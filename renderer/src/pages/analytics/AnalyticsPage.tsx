import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState } from 'react';
import { MAX_DAILY_DAYS, WEEKLY_UP_TO_DAYS } from '../../../../app/analytics/funnel-report';
import type { FunnelReport } from '../../../../app/contract';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { AnalyticsFilters } from './AnalyticsFilters';
import { FunnelView } from './FunnelView';
import { INITIAL_FILTER, funnelQuery, rangeDays, type AnalyticsFilter } from './analytics-filter';

/**
 * What converts: the funnel from rankings shown to products accepted, by a group and by period, with 95% Wilson
 * intervals, charts and tables (each exportable as CSV). Everything here reads the funnel's rollup; nothing changes.
 */
export function AnalyticsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilter>(INITIAL_FILTER);
  const query = useMemo(() => funnelQuery(filter), [filter]);
  const answer = useChannelQuery('analytics:funnel', query ?? {}, { enabled: query !== null });
  // The previous answer stays on screen while the next loads, so a filter change does not blank the page.
  const last = useRef<FunnelReport | undefined>(undefined);
  if (answer.data) last.current = answer.data;
  const report = answer.data ?? last.current;

  // A longer range than a period reads well in (and than the rollup answers quickly in) moves to a coarser one.
  const change = (next: AnalyticsFilter) => {
    const days = rangeDays(next);
    const rangeChanged = next.from !== filter.from || next.to !== filter.to;
    if (days !== null && next.period === 'day' && days > MAX_DAILY_DAYS) next = { ...next, period: 'week' };
    if (days !== null && rangeChanged && next.period === 'week' && days > WEEKLY_UP_TO_DAYS)
      next = { ...next, period: 'month' };
    setFilter(next);
  };

  return (
    <Box
      // Each card keeps its own height; the page scrolls.
      sx={{
        p: 2,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        minHeight: 0,
        overflowY: 'auto',
        height: '100%',
        '& > *': { flexShrink: 0 },
      }}
    >
      <PageHeader
        title={t('analytics.title')}
        titleTestId="analytics-title"
        subtitle={
          <Typography variant="body2" sx={{ maxWidth: 1100 }}>
            {t('analytics.subtitle')}
          </Typography>
        }
      />
      <AnalyticsFilters
        filter={filter}
        shownRange={report ? { from: report.from, to: report.to } : null}
        choices={report?.choices}
        onChange={change}
      />
      {answer.isFetching && <LinearProgress sx={{ mt: -1.5 }} />}
      {answer.error && !report && <LoadError error={answer.error} onRetry={() => void answer.refetch()} />}
      {report && report.days === null && <Alert severity="info">{t('analytics.emptyStore')}</Alert>}
      {report && report.days !== null && report.total.counts.shown === 0 && (
        <Alert severity="info" data-testid="analytics-empty">
          {t('analytics.empty')}
        </Alert>
      )}
      {report && report.total.counts.shown > 0 && <FunnelView report={report} rateShown={filter.rate} />}
    </Box>
  );
}
