import { alpha, useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { FunnelGroup, FunnelPeriod, FunnelRate } from '../../../../app/analytics/funnel';
import type { FunnelLineView } from '../../../../app/contract';
import { intervalBars } from '../../components/charts/interval-bars';
import { useI18n } from '../../i18n/use-i18n';
import { groupLabel, percent, RATE_KEYS } from './funnel-labels';

/** The most shown groups only: a bar per product for a catalogue of hundreds would be unreadable. */
export const CHART_GROUPS = 12;

/**
 * One rate per group as a bar, and beside it the 95% interval as a floating bar from its low to its high end, so a
 * group with few showings shows how little its rate says. Groups with nothing in the denominator are left out.
 */
export function RateByGroupChart({
  lines,
  rate,
  groupBy,
  period,
}: {
  lines: FunnelLineView[];
  rate: FunnelRate;
  groupBy: FunnelGroup;
  period: FunnelPeriod;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const theme = useTheme();
  const shown = lines.filter((l) => l.rates[rate].value !== null).slice(0, CHART_GROUPS);
  const names = shown.map((l) => groupLabel(i18n, l, groupBy, period));
  const pct = (v: number | null) => (v === null ? '' : percent(i18n, v));
  return (
    <BarChart
      skipAnimation
      height={Math.max(180, 34 * shown.length + 70)}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: names, width: 170 }]}
      xAxis={[{ min: 0, valueFormatter: (v: number) => percent(i18n, v) }]}
      series={[
        {
          label: t(RATE_KEYS[rate]),
          data: shown.map((l) => l.rates[rate].value),
          color: theme.palette.primary.main,
          valueFormatter: pct,
        },
        ...intervalBars(
          shown.map((l) => {
            const { low, high } = l.rates[rate];
            return low === null || high === null ? null : { low, high };
          }),
          {
            stack: 'interval',
            label: t('analytics.rate.interval'),
            color: alpha(theme.palette.text.secondary, 0.3),
            format: pct,
          },
        ),
      ]}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
    />
  );
}
