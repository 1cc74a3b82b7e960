import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { PitchReview } from '../../../../app/domain';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';

/** Every review of the draft, newest first, with its scores and comment: part of the pitch's history. */
export function PitchReviewsList({ reviews }: { reviews: readonly PitchReview[] }) {
  const { t, fmt } = useI18n();
  if (reviews.length === 0) return null;
  return (
    <SectionCard title={t('review.history.title')} testId="pitch-reviews">
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {[...reviews].reverse().map((r) => (
          <Box component="li" key={r.id} data-testid="pitch-review" data-decision={r.decision}>
            <Typography variant="body2">
              {t('review.history.entry', {
                reviewer: r.reviewerName,
                decision: t(`review.decision.${r.decision}`),
                version: r.version,
                time: fmt.compactDateTime(r.reviewedAt),
              })}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('review.scores', r.rubric)}
            </Typography>
            {r.comment && (
              <Typography variant="caption" component="div" sx={{ fontStyle: 'italic' }}>
                “{r.comment}”
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    </SectionCard>
  );
}
