import { alpha, useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import type { FunnelPeriod, FunnelRate } from '../../../../app/analytics/funnel';
import type { FunnelLineView } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { percent, periodLabel, periodTick, RATE_KEYS } from './funnel-labels';

/** The chosen rate by period, with its 95% interval as a band around the line. */
export function RateOverTimeChart({
  series,
  rate,
  period,
}: {
  series: FunnelLineView[];
  rate: FunnelRate;
  period: FunnelPeriod;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const theme = useTheme();
  const pct = (v: number | null) => (v === null ? '' : percent(i18n, v));
  const band = alpha(theme.palette.primary.main, 0.18);
  return (
    <LineChart
      skipAnimation
      margin={{ right: 28 }}
      height={260}
      xAxis={[
        {
          scaleType: 'point',
          data: series.map((l) => l.key),
          valueFormatter: (key: string, context) =>
            context.location === 'tick' ? periodTick(i18n, key, period) : periodLabel(i18n, key, period),
        },
      ]}
      yAxis={[{ min: 0, valueFormatter: (v: number) => percent(i18n, v), width: 56 }]}
      series={[
        {
          data: series.map((l) => l.rates[rate].low),
          stack: 'interval',
          area: true,
          showMark: false,
          curve: 'linear',
          color: 'transparent',
          valueFormatter: () => null,
        },
        {
          label: t('analytics.rate.interval'),
          data: series.map((l) =>
            l.rates[rate].high === null ? null : l.rates[rate].high! - (l.rates[rate].low ?? 0),
          ),
          stack: 'interval',
          area: true,
          showMark: false,
          curve: 'linear',
          color: band,
          valueFormatter: (_v, { dataIndex }) =>
            `${pct(series[dataIndex]!.rates[rate].low)} – ${pct(series[dataIndex]!.rates[rate].high)}`,
        },
        {
          label: t(RATE_KEYS[rate]),
          data: series.map((l) => l.rates[rate].value),
          color: theme.palette.primary.main,
          curve: 'linear',
          valueFormatter: pct,
        },
      ]}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
    />
  );
}
