import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { MarkPlot } from '@mui/x-charts/LineChart';
import type { PolicyEstimateView } from '../../../../app/contract/off-policy-channels';
import { intervalBars } from '../../components/charts/interval-bars';
import { useI18n } from '../../i18n/use-i18n';

/**
 * Each estimated policy's IPS, SNIPS and DR value (a point) inside its 95% interval (a floating bar: an invisible
 * bar up to the interval's low end, the interval stacked on it), with MUI X Charts. Refused policies have no place.
 */
export function PolicyEstimatesChart({ policies }: { policies: PolicyEstimateView[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const rows = policies.flatMap((p) =>
    p.estimates.map((e) => ({ label: `${p.policy} · ${t(`offPolicy.estimator.${e.estimator}`)}`, ...e })),
  );
  if (rows.length === 0) return null;
  const percent = (v: number | null) => (v === null ? '' : fmt.percent(v * 100));
  return (
    <Box data-testid="policy-estimates-chart" sx={{ width: '100%' }}>
      <ChartsDataProvider
        height={320}
        margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
        xAxis={[{ id: 'estimates', scaleType: 'band', data: rows.map((r) => r.label), height: 70 }]}
        yAxis={[{ id: 'rate', min: 0, valueFormatter: (v: number) => percent(v) }]}
        series={[
          ...intervalBars(
            rows.map((r) => r.interval),
            {
              stack: 'interval',
              label: t('offPolicy.col.interval'),
              color: theme.palette.primary.light,
              format: percent,
            },
          ),
          {
            type: 'line',
            id: 'value',
            label: t('offPolicy.col.value'),
            data: rows.map((r) => r.value),
            color: theme.palette.secondary.main,
            showMark: true,
            valueFormatter: (v) => percent(v),
          },
        ]}
      >
        <ChartsLegend />
        <ChartsSurface>
          <BarPlot />
          <MarkPlot />
          <ChartsXAxis axisId="estimates" tickLabelStyle={{ angle: -20, textAnchor: 'end', fontSize: 11 }} />
          <ChartsYAxis axisId="rate" />
        </ChartsSurface>
        <ChartsTooltip trigger="axis" />
      </ChartsDataProvider>
    </Box>
  );
}
