import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useI18n } from '../../i18n/use-i18n';

/**
 * The estimated probability of interest as a bar on a fixed 0–100 % scale with the figure beside it, so
 * bars of different clients and different days can be compared by eye.
 */
export function ScoreBar({ probability }: { probability: number }) {
  const { t, fmt } = useI18n();
  const percent = fmt.percent(probability * 100);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width: 180 }} title={t('reco.scoreHelp', { percent })}>
      <Box
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(probability * 1000) / 10}
        aria-valuetext={percent}
        aria-label={t('reco.scoreHelp', { percent })}
        sx={{ flexGrow: 1, height: 8, borderRadius: 4, bgcolor: 'action.hover', overflow: 'hidden' }}
      >
        <Box
          sx={{
            width: `${Math.max(0, Math.min(1, probability)) * 100}%`,
            height: '100%',
            bgcolor: 'primary.main',
            borderRadius: 4,
          }}
        />
      </Box>
      <Typography
        variant="body2"
        data-testid="recommendation-score"
        data-probability={probability}
        sx={{ width: 56, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
      >
        {percent}
      </Typography>
    </Box>
  );
}
