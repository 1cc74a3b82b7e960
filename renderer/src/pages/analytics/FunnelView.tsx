import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { FunnelRate } from '../../../../app/analytics/funnel';
import type { FunnelReport } from '../../../../app/contract';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { FunnelStagesChart } from './FunnelStagesChart';
import { FunnelTable } from './FunnelTable';
import { RATE_KEYS } from './funnel-labels';
import { CHART_GROUPS, RateByGroupChart } from './RateByGroupChart';
import { RateOverTimeChart } from './RateOverTimeChart';

/**
 * The charts and tables of one answer. Memoised: while a changed filter's answer is on its way the page keeps showing
 * the previous one, and drawing it again would hold up the request behind a needless render of every chart.
 */
export const FunnelView = memo(function FunnelView({
  report,
  rateShown,
}: {
  report: FunnelReport;
  rateShown: FunnelRate;
}) {
  const { t, fmt } = useI18n();
  const rate = t(RATE_KEYS[rateShown]);
  const groupName = t(`analytics.group.${report.groupBy}`);
  const periodName = t(`analytics.period.${report.period}`);
  const stamp = `${report.from}_${report.to}`;
  return (
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
            title={t(report.groups.length > CHART_GROUPS ? 'analytics.chart.byGroupTop' : 'analytics.chart.byGroup', {
              rate,
              group: groupName,
              n: CHART_GROUPS,
            })}
            testId="analytics-by-group-chart"
          >
            <RateByGroupChart lines={report.groups} rate={rateShown} groupBy={report.groupBy} period={report.period} />
          </SectionCard>
        )}
        <SectionCard
          title={t('analytics.chart.overTime', { rate, period: periodName })}
          testId="analytics-over-time-chart"
        >
          <RateOverTimeChart series={report.series} rate={rateShown} period={report.period} />
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
  );
});
