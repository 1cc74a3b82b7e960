import { alpha, useTheme } from '@mui/material/styles';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { MarkPlot } from '@mui/x-charts/LineChart';
import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import { intervalBars } from '../../components/charts/interval-bars';
import { useI18n } from '../../i18n/use-i18n';
import { percentOf } from './experiment-labels';

type ArmResult = ExperimentResultsView['report']['arms'][number];

/**
 * Each arm's conversion as a mark (the rate) on a bar spanning its Wilson interval. The bar is stacked on an
 * invisible first part that lifts it to the interval's low end; the marks are a line series drawn without its line.
 */
export function ArmRatesChart({ arms }: { arms: readonly ArmResult[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const pct = (x: number) => percentOf(fmt, x);
  return (
    <ChartsDataProvider
      height={260}
      margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
      xAxis={[{ id: 'arms', scaleType: 'band', data: arms.map((a) => a.arm), categoryGapRatio: 0.6 }]}
      yAxis={[{ id: 'rate', min: 0, valueFormatter: (v: number) => pct(v), width: 64 }]}
      series={[
        ...intervalBars(arms, {
          stack: 'interval',
          label: t('experiments.result.chartInterval'),
          color: alpha(theme.palette.primary.main, 0.35),
          format: pct,
        }),
        {
          type: 'line',
          data: arms.map((a) => a.rate),
          label: t('experiments.result.chartRate'),
          color: theme.palette.primary.main,
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
          <MarkPlot />
          <ChartsXAxis axisId="arms" />
          <ChartsYAxis axisId="rate" />
        </ChartsSurface>
        <ChartsTooltip trigger="axis" />
      </ChartsWrapper>
    </ChartsDataProvider>
  );
}
