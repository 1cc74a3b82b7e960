import { BarChart } from '@mui/x-charts/BarChart';
import { useTheme } from '@mui/material/styles';
import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import { useI18n } from '../../i18n/use-i18n';
import { percentOf } from './experiment-labels';

type Comparison = ExperimentResultsView['report']['comparisons'][number];

/**
 * Each arm's difference from the control as two floating bars: the fixed-sample interval and the (wider) always-valid
 * one. A bar that does not cross zero excludes "no difference". Stacked without offset, so the invisible part runs
 * from 0 to the low end (below zero where it is negative) and the drawn part from the low end to the high end.
 */
export function DifferenceChart({ comparisons }: { comparisons: readonly Comparison[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const pct = (x: number) => percentOf(fmt, x);
  const labels = comparisons.map((c) => t('experiments.result.comparison', { arm: c.arm, control: c.control }));
  const interval = (
    pick: (c: Comparison) => { low: number; high: number } | null,
    stack: string,
    color: string,
    label: string,
  ) => [
    {
      data: comparisons.map((c) => pick(c)?.low ?? 0),
      stack,
      stackOffset: 'none' as const,
      color: 'transparent',
      valueFormatter: () => null,
    },
    {
      data: comparisons.map((c) => {
        const i = pick(c);
        return i ? i.high - i.low : 0;
      }),
      stack,
      stackOffset: 'none' as const,
      color,
      label,
      valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) => {
        const i = pick(comparisons[dataIndex]!);
        return i ? `${pct(i.low)} – ${pct(i.high)}` : null;
      },
    },
  ];
  return (
    <BarChart
      height={110 + comparisons.length * 64}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: labels, width: 200 }]}
      xAxis={[{ valueFormatter: (v: number) => pct(v) }]}
      series={[
        ...interval((c) => c.fixed, 'fixed', theme.palette.primary.main, t('experiments.result.col.fixed')),
        ...interval(
          (c) => c.alwaysValid,
          'always',
          theme.palette.secondary.main,
          t('experiments.result.col.alwaysValid'),
        ),
      ]}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
    />
  );
}
