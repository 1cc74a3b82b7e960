import { BarChart } from '@mui/x-charts/BarChart';
import { useTheme } from '@mui/material/styles';
import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import { useI18n } from '../../i18n/use-i18n';
import { percentOf } from './experiment-labels';

type ArmResult = ExperimentResultsView['report']['arms'][number];

/**
 * Each arm's conversion as a floating bar over its Wilson interval, with the rate written on the bar. The bar's
 * invisible first part carries it up to the interval's low end (stacked, not drawn).
 */
export function ArmRatesChart({ arms }: { arms: readonly ArmResult[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const pct = (x: number) => percentOf(fmt, x);
  return (
    <BarChart
      height={90 + arms.length * 48}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: arms.map((a) => a.arm), width: 120 }]}
      xAxis={[{ min: 0, valueFormatter: (v: number) => pct(v) }]}
      series={[
        {
          data: arms.map((a) => a.low),
          stack: 'interval',
          color: 'transparent',
          valueFormatter: () => null,
        },
        {
          data: arms.map((a) => a.high - a.low),
          stack: 'interval',
          label: t('experiments.result.chartInterval'),
          color: theme.palette.primary.main,
          valueFormatter: (_value, { dataIndex }) => {
            const a = arms[dataIndex]!;
            return `${a.rate === null ? '–' : pct(a.rate)} (${pct(a.low)} – ${pct(a.high)})`;
          },
          barLabel: (item) => {
            const a = arms[item.dataIndex]!;
            return a.rate === null ? null : `${t('experiments.result.chartRate')} ${pct(a.rate)}`;
          },
        },
      ]}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
    />
  );
}
