import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { LineChart, lineClasses } from '@mui/x-charts/LineChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import type { ModelVersionSummary } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { POPULARITY, rankingK } from './model-labels';

const HEIGHT = 300;

/**
 * Held-out AUC, precision@k and log loss of each interest-model version, oldest to newest, with the popularity
 * baseline's AUC on the same rows dashed and the live version marked by a line and in its axis label. AUC and
 * precision share the 0–1 scale on the left; log loss, where lower is better, has its own on the right. A version
 * without a figure leaves a gap rather than an invented point.
 */
export function ModelQualityChart({ versions }: { versions: ModelVersionSummary[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const k = rankingK(ordered);
  const live = ordered.find((v) => v.active)?.version ?? null;
  const measured = ordered.some((v) => v.metrics !== null);
  if (!measured)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="model-chart-empty">
        {t('modelQuality.empty')}
      </Typography>
    );
  const xs = ordered.map((v) => v.version);
  const value = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? null : n);
  const three = (n: number | null) => (n === null ? '—' : fmt.number(n, 3));
  const versionText = (v: number) =>
    v === live ? t('modelQuality.liveVersion', { version: v }) : t('modelQuality.version', { version: v });
  const maxLoss = Math.max(1, ...ordered.map((v) => value(v.metrics?.logLoss) ?? 0));
  const axisText = theme.palette.text.secondary;
  return (
    <Box
      role="figure"
      aria-label={t('modelQuality.label', { k })}
      data-testid="model-chart"
      data-versions={ordered.length}
      data-live={live ?? ''}
    >
      <LineChart
        height={HEIGHT}
        skipAnimation
        margin={{ left: 8, right: 8, top: 16, bottom: 8 }}
        xAxis={[
          {
            id: 'version',
            // A linear axis half a version wider than the versions on each side, so the first and last points and
            // the live marker stand clear of the value axes; ticks fall on whole versions only.
            scaleType: 'linear',
            data: xs,
            min: xs[0]! - 0.5,
            max: xs.at(-1)! + 0.5,
            tickMinStep: 1,
            valueFormatter: (v: number) => (Number.isInteger(v) ? versionText(v) : ''),
            tickLabelStyle: { fill: axisText },
          },
        ]}
        yAxis={[
          {
            id: 'score',
            min: 0,
            max: 1,
            label: t('modelQuality.scoreAxis'),
            width: 64,
            valueFormatter: (v: number) => fmt.number(v, 1),
          },
          {
            id: 'loss',
            position: 'right',
            min: 0,
            max: Math.ceil(maxLoss * 10) / 10,
            label: t('modelQuality.lossAxis'),
            width: 64,
            valueFormatter: (v: number) => fmt.number(v, 1),
          },
        ]}
        series={[
          {
            id: 'auc',
            label: t('modelQuality.auc'),
            yAxisId: 'score',
            color: theme.palette.primary.main,
            data: ordered.map((v) => value(v.metrics?.auc)),
            valueFormatter: three,
            curve: 'linear',
            showMark: true,
          },
          {
            id: 'precision',
            label: t('modelQuality.precision', { k }),
            yAxisId: 'score',
            color: theme.palette.success.main,
            data: ordered.map((v) => value(v.metrics?.precisionAtK)),
            valueFormatter: three,
            curve: 'linear',
            showMark: true,
          },
          {
            // What a version has to beat, on the same held-out rows: grey and dashed, behind the version's own lines.
            id: 'auc-popularity',
            label: t('modelQuality.aucBaseline'),
            yAxisId: 'score',
            color: theme.palette.text.secondary,
            data: ordered.map((v) => value(v.baselines[POPULARITY]?.auc)),
            valueFormatter: three,
            curve: 'linear',
            showMark: false,
          },
          {
            id: 'log-loss',
            label: t('modelQuality.logLoss'),
            yAxisId: 'loss',
            color: theme.palette.warning.main,
            data: ordered.map((v) => value(v.metrics?.logLoss)),
            valueFormatter: three,
            curve: 'linear',
            showMark: true,
          },
        ]}
        grid={{ horizontal: true }}
        sx={{ [`& .${lineClasses.line}[data-series="auc-popularity"]`]: { strokeDasharray: '6 4', strokeWidth: 1.5 } }}
        slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
      >
        {live !== null && (
          <ChartsReferenceLine
            x={live}
            axisId="version"
            label={t('modelQuality.live', { version: live })}
            labelAlign="start"
            lineStyle={{ stroke: theme.palette.text.primary, strokeDasharray: '4 4', strokeWidth: 1.5 }}
            labelStyle={{ fill: theme.palette.text.primary, fontSize: 12, fontWeight: 600 }}
          />
        )}
      </LineChart>
    </Box>
  );
}
