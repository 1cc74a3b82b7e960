import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { FUNNEL_RATES, FUNNEL_STAGES } from '../../../../app/analytics/funnel';
import type { FunnelLineView } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { RATE_HELP, RATE_KEYS, rateText } from './funnel-labels';

/** The range's funnel: how many showings reached each stage, and the four rates with their intervals beside it. */
export function FunnelStagesChart({ total }: { total: FunnelLineView }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const theme = useTheme();
  const labels = FUNNEL_STAGES.map((s) => t(`analytics.stage.${s}`));
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
      <Box sx={{ flex: '1 1 360px', minWidth: 0 }} data-testid="analytics-funnel-chart">
        <BarChart
          skipAnimation
          height={220}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: labels, width: 90 }]}
          // Room beyond the longest bar for its count.
          xAxis={[{ max: Math.max(1, total.counts.shown * 1.15), valueFormatter: (v: number) => fmt.number(v) }]}
          series={[
            {
              data: FUNNEL_STAGES.map((s) => total.counts[s]),
              color: theme.palette.primary.main,
              valueFormatter: (v) => (v === null ? '' : fmt.number(v)),
              barLabel: (item) => (item.value === null ? null : fmt.number(item.value)),
              barLabelPlacement: 'outside',
            },
          ]}
          hideLegend
          margin={{ right: 56 }}
        />
      </Box>
      <Box
        component="dl"
        sx={{ flex: '1 1 260px', m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.75 }}
        data-testid="analytics-rates"
      >
        {FUNNEL_RATES.map((r) => (
          <Box key={r} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary" title={t(RATE_HELP[r])}>
              {t(RATE_KEYS[r])}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
              {rateText(i18n, total.rates[r])}
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {t('analytics.rate.ofCounts', {
                  successes: fmt.number(total.rates[r].successes),
                  trials: fmt.number(total.rates[r].trials),
                })}
              </Typography>
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
