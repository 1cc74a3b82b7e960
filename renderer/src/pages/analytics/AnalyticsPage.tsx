import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_DAILY_DAYS, WEEKLY_UP_TO_DAYS } from '../../../../app/analytics/funnel-report';
import type { FunnelReport } from '../../../../app/contract';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { AnalyticsFilters } from './AnalyticsFilters';
import { INITIAL_FILTER, funnelQuery, rangeDays, type AnalyticsFilter } from './analytics-filter';
import { FunnelStagesChart } from './FunnelStagesChart';
import { FunnelTable } from './FunnelTable';
import { RATE_KEYS } from './funnel-labels';
import { CHART_GROUPS, RateByGroupChart } from './RateByGroupChart';
import { RateOverTimeChart } from './RateOverTimeChart';

/**
 * What converts: the funnel from rankings shown to products accepted, by a group and by period, with 95% Wilson
 * intervals, charts and tables (each exportable as CSV). Everything here reads the funnel's rollup; nothing changes.
 */
export function AnalyticsPage() {
  const { t, fmt } = useI18n();
  const [filter, setFilter] = useState<AnalyticsFilter>(INITIAL_FILTER);
  const query = useMemo(() => funnelQuery(filter), [filter]);
  const answer = useChannelQuery('analytics:funnel', query ?? {}, { enabled: query !== null });
  // The previous answer stays on screen while the next loads, so a filter change does not blank the page.
  const last = useRef<FunnelReport | undefined>(undefined);
  if (answer.data) last.current = answer.data;
  const report = answer.data ?? last.current;

  // With no range chosen the backend answers its default; show that range in the fields.
  useEffect(() => {
    if (answer.data && !filter.from && !filter.to)
      setFilter((f) => (!f.from && !f.to ? { ...f, from: answer.data.from, to: answer.data.to } : f));
  }, [answer.data, filter.from, filter.to]);

  // A longer range than a period reads well in (and than the rollup answers quickly in) moves to a coarser one.
  const change = (next: AnalyticsFilter) => {
    const days = rangeDays(next);
    const rangeChanged = next.from !== filter.from || next.to !== filter.to;
    if (days !== null && next.period === 'day' && days > MAX_DAILY_DAYS) next = { ...next, period: 'week' };
    if (days !== null && rangeChanged && next.period === 'week' && days > WEEKLY_UP_TO_DAYS)
      next = { ...next, period: 'month' };
    setFilter(next);
  };

  const rate = t(RATE_KEYS[filter.rate]);
  const groupName = report ? t(`analytics.group.${report.groupBy}`) : '';
  const periodName = report ? t(`analytics.period.${report.period}`) : '';
  const stamp = report ? `${report.from}_${report.to}` : '';
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
      <AnalyticsFilters filter={filter} choices={report?.choices} onChange={change} />
      {answer.isFetching && <LinearProgress sx={{ mt: -1.5 }} />}
      {answer.error && !report && <LoadError error={answer.error} onRetry={() => void answer.refetch()} />}
      {report && report.days === null && <Alert severity="info">{t('analytics.emptyStore')}</Alert>}
      {report && report.days !== null && report.total.counts.shown === 0 && (
        <Alert severity="info" data-testid="analytics-empty">
          {t('analytics.empty')}
        </Alert>
      )}
      {report && report.total.counts.shown > 0 && (
        <>
          <SectionCard
            title={`${t('analytics.funnel.title')} · ${t('analytics.funnel.range', { from: fmt.date(report.from), to: fmt.date(report.to) })}`}
            testId="analytics-funnel"
          >
            <FunnelStagesChart total={report.total} />
          </SectionCard>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
            {report.groupBy !== 'period' && (
              <SectionCard
                title={t(
                  report.groups.length > CHART_GROUPS ? 'analytics.chart.byGroupTop' : 'analytics.chart.byGroup',
                  {
                    rate,
                    group: groupName,
                    n: CHART_GROUPS,
                  },
                )}
                testId="analytics-by-group-chart"
              >
                <RateByGroupChart
                  lines={report.groups}
                  rate={filter.rate}
                  groupBy={report.groupBy}
                  period={report.period}
                />
              </SectionCard>
            )}
            <SectionCard
              title={t('analytics.chart.overTime', { rate, period: periodName })}
              testId="analytics-over-time-chart"
            >
              <RateOverTimeChart series={report.series} rate={filter.rate} period={report.period} />
            </SectionCard>
          </Box>
          {report.groupBy !== 'period' && (
            <FunnelTable
              title={t('analytics.table.groups', { group: groupName })}
              lines={report.groups}
              total={report.total}
              groupBy={report.groupBy}
              period={report.period}
              fileName={`funnel-by-${report.groupBy}_${stamp}.csv`}
              testId="analytics-groups-table"
            />
          )}
          <FunnelTable
            title={t('analytics.table.periods', { period: periodName })}
            lines={report.series}
            total={report.total}
            groupBy="period"
            period={report.period}
            fileName={`funnel-by-${report.period}_${stamp}.csv`}
            testId="analytics-periods-table"
          />
          <Typography variant="caption" color="text.secondary">
            {t('analytics.queryTime', { ms: fmt.number(Math.round(report.queryMs)) })}
          </Typography>
        </>
      )}
    </Box>
  );
}
