import { alpha, useTheme } from '@mui/material/styles';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { MarkPlot } from '@mui/x-charts/LineChart';
import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import { intervalBars, type Bounds } from '../../components/charts/interval-bars';
import { useI18n } from '../../i18n/use-i18n';
import { percentOf } from './experiment-labels';

type Comparison = ExperimentResultsView['report']['comparisons'][number];

/**
 * Each arm's difference from the control (the mark) with two intervals side by side: the fixed-sample one and the
 * wider always-valid one. An interval that does not cross the zero line excludes "no difference". Each interval is
 * stacked without offset on an invisible part from 0 to its low end (below zero where that is negative).
 */
export function DifferenceChart({ comparisons }: { comparisons: readonly Comparison[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const pct = (x: number) => percentOf(fmt, x);
  const interval = (pick: (c: Comparison) => Bounds, stack: string, color: string, label: string) =>
    intervalBars(comparisons.map(pick), { stack, color, label, format: pct });
  return (
    <ChartsDataProvider
      height={280}
      margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
      xAxis={[
        {
          id: 'comparisons',
          scaleType: 'band',
          data: comparisons.map((c) => t('experiments.result.comparison', { arm: c.arm, control: c.control })),
          categoryGapRatio: 0.4,
        },
      ]}
      yAxis={[{ id: 'difference', valueFormatter: (v: number) => pct(v), width: 64 }]}
      series={[
        ...interval(
          (c) => c.fixed,
          'fixed',
          alpha(theme.palette.primary.main, 0.45),
          t('experiments.result.col.fixed'),
        ),
        ...interval(
          (c) => c.alwaysValid,
          'always',
          alpha(theme.palette.secondary.main, 0.35),
          t('experiments.result.col.alwaysValid'),
        ),
        {
          type: 'line',
          data: comparisons.map((c) => c.fixed.difference),
          label: t('experiments.result.col.difference'),
          color: theme.palette.text.primary,
          showMark: true,
          valueFormatter: (v) => (v === null ? null : pct(v)),
        },
      ]}
    >
      <ChartsWrapper legendPosition={{ vertical: 'top', horizontal: 'center' }}>
        <ChartsLegend />
        <ChartsSurface>
          <ChartsGrid horizontal />
          <BarPlot />
          <ChartsReferenceLine y={0} lineStyle={{ stroke: theme.palette.text.secondary }} />
          <MarkPlot />
          <ChartsXAxis axisId="comparisons" />
          <ChartsYAxis axisId="difference" />
        </ChartsSurface>
        <ChartsTooltip trigger="axis" />
      </ChartsWrapper>
    </ChartsDataProvider>
  );
}
