import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { ModelVersionSummary } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { POPULARITY, metricText, rankingK } from './model-labels';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { left: 56, right: 20, top: 14, bottom: 44 };

interface Series {
  key: string;
  color: string;
  dashed: boolean;
  values: (number | null)[];
}

/** A path through the points that have a value; a missing figure breaks the line instead of inventing one. */
function linePath(xs: number[], ys: (number | null)[]): string {
  let d = '';
  let pen = false;
  ys.forEach((y, i) => {
    if (y === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${(xs[i] as number).toFixed(1)},${y.toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}

/** A tick step that gives four to ten gridlines over the range. */
function tickStep(range: number): number {
  if (range <= 0.1) return 0.02;
  if (range <= 0.25) return 0.05;
  if (range <= 0.5) return 0.1;
  return 0.2;
}

function LegendItem({ color, dashed, label }: { color: string; dashed?: boolean; label: string }) {
  return (
    <Box component="li" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      <svg width="28" height="10" aria-hidden>
        <line
          x1="1"
          y1="5"
          x2="27"
          y2="5"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={dashed ? '5 4' : undefined}
        />
      </svg>
      <Typography variant="caption">{label}</Typography>
    </Box>
  );
}

/**
 * AUC and NDCG@k of each version on its held-out outcomes, with the popularity baseline's figures on the same
 * rows dashed, drawn by hand as SVG: two lines and a baseline do not need a charting library.
 */
export function MetricsChart({ versions }: { versions: ModelVersionSummary[] }) {
  const { t, fmt } = useI18n();
  const theme = useTheme();
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const k = rankingK(ordered);
  const aucColor = theme.palette.primary.main;
  const ndcgColor = theme.palette.warning.main;
  const series: Series[] = [
    { key: 'auc', color: aucColor, dashed: false, values: ordered.map((v) => v.metrics?.auc ?? null) },
    { key: 'ndcg', color: ndcgColor, dashed: false, values: ordered.map((v) => v.metrics?.ndcgAtK ?? null) },
    {
      key: 'auc-baseline',
      color: aucColor,
      dashed: true,
      values: ordered.map((v) => v.baselines[POPULARITY]?.auc ?? null),
    },
    {
      key: 'ndcg-baseline',
      color: ndcgColor,
      dashed: true,
      values: ordered.map((v) => v.baselines[POPULARITY]?.ndcgAtK ?? null),
    },
  ];
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  if (all.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="model-chart-empty">
        {t('model.chart.empty')}
      </Typography>
    );
  }

  // A little room around the figures so no line sits on the axis or the top edge.
  let low = Math.max(0, Math.floor((Math.min(...all) - 0.02) * 10) / 10);
  let high = Math.min(1, Math.ceil((Math.max(...all) + 0.02) * 10) / 10);
  if (high - low < 0.1) {
    low = Math.max(0, high - 0.1);
    high = low + 0.1;
  }
  const step = tickStep(high - low);
  const ticks: number[] = [];
  for (let v = low; v <= high + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);

  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xs = ordered.map((_, i) => PAD.left + (ordered.length === 1 ? plotW / 2 : (plotW * i) / (ordered.length - 1)));
  const yOf = (v: number) => PAD.top + plotH * (1 - (v - low) / (high - low));
  const axis = theme.palette.text.secondary;
  const grid = theme.palette.divider;
  const activeIndex = ordered.findIndex((v) => v.active);
  // With many versions only some x labels fit; the active one is always labelled.
  const labelEvery = Math.max(1, Math.ceil(ordered.length / 12));

  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('model.chart.label')}
        data-testid="model-chart"
        data-versions={ordered.length}
        sx={{ width: '100%', height: 'auto', display: 'block', fontFamily: theme.typography.fontFamily }}
      >
        {activeIndex >= 0 && (
          <rect
            x={Math.max(PAD.left, (xs[activeIndex] as number) - 14)}
            y={PAD.top}
            width={
              Math.min(WIDTH - PAD.right, (xs[activeIndex] as number) + 14) -
              Math.max(PAD.left, (xs[activeIndex] as number) - 14)
            }
            height={plotH}
            fill={theme.palette.action.selected}
          />
        )}
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yOf(tick)} y2={yOf(tick)} stroke={grid} />
            <text x={PAD.left - 8} y={yOf(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill={axis}>
              {fmt.number(tick, step < 0.1 ? 2 : 1)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke={axis} />
        {ordered.map((v, i) =>
          i % labelEvery === 0 || i === activeIndex || i === ordered.length - 1 ? (
            <text
              key={v.version}
              x={xs[i]}
              y={PAD.top + plotH + 16}
              textAnchor="middle"
              fontSize="11"
              fill={axis}
              fontWeight={v.active ? 700 : 400}
            >
              v{v.version}
            </text>
          ) : null,
        )}
        <text x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="12" fill={axis}>
          {t('model.chart.xAxis')}
        </text>
        <text
          transform={`translate(14 ${PAD.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize="12"
          fill={axis}
        >
          {t('model.chart.yAxis')}
        </text>
        {series.map((s) => (
          <path
            key={s.key}
            d={linePath(
              xs,
              s.values.map((v) => (v === null ? null : yOf(v))),
            )}
            fill="none"
            stroke={s.color}
            strokeWidth={s.dashed ? 1.5 : 2.5}
            strokeDasharray={s.dashed ? '6 5' : undefined}
            opacity={s.dashed ? 0.8 : 1}
          />
        ))}
        {series
          .filter((s) => !s.dashed)
          .map((s) =>
            s.values.map((v, i) =>
              v === null ? null : (
                <circle
                  key={`${s.key}-${i}`}
                  cx={xs[i]}
                  cy={yOf(v)}
                  r={ordered[i]?.active ? 5 : 3.5}
                  fill={theme.palette.background.paper}
                  stroke={s.color}
                  strokeWidth={2}
                >
                  <title>{`v${ordered[i]?.version}: ${metricText(v, fmt)}`}</title>
                </circle>
              ),
            ),
          )}
      </Box>
      <Box
        component="ul"
        sx={{
          display: 'flex',
          gap: 2.5,
          flexWrap: 'wrap',
          listStyle: 'none',
          m: 0,
          mt: 0.5,
          p: 0,
          pl: `${(PAD.left / WIDTH) * 100}%`,
        }}
        data-testid="model-chart-legend"
      >
        <LegendItem color={aucColor} label={t('model.chart.auc')} />
        <LegendItem color={ndcgColor} label={t('model.chart.ndcg', { k })} />
        <LegendItem color={aucColor} dashed label={t('model.chart.baseline', { metric: t('model.chart.auc') })} />
        <LegendItem
          color={ndcgColor}
          dashed
          label={t('model.chart.baseline', { metric: t('model.chart.ndcg', { k }) })}
        />
      </Box>
    </Box>
  );
}
