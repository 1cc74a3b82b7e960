import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { SCORE_DIMENSION_VALUES, type ScoreDimension } from '../../../../app/contract';
import { useChannelQuery } from '../../api/use-channel-query';
import { useI18n } from '../../i18n/use-i18n';
import { LoadError } from '../LoadError';
import { SectionCard } from '../SectionCard';
import { ReviewScoresTable } from './ReviewScoresTable';
import { DIMENSION_LABEL } from './review-score-labels';
import { shareText } from './share-text';

/**
 * Expert review scores: how reviewers rated the pitches each language model (or prompt version, tone, length,
 * language) wrote, beside the template's, with the share sent back and how often two reviewers disagreed.
 * The Model page lets the reader choose the grouping; the Language models page shows it by model only.
 */
export function ReviewScoresCard({
  dimensions = SCORE_DIMENSION_VALUES,
  highlightModel = null,
  testId = 'review-scores',
}: {
  dimensions?: readonly ScoreDimension[];
  /** The sha256 of the language model loaded now, marked in the by-model table. */
  highlightModel?: string | null;
  testId?: string;
}) {
  const { t, fmt } = useI18n();
  const scores = useChannelQuery('reviews:scores', {}, { reportErrors: false });
  const [dimension, setDimension] = useState<ScoreDimension>(dimensions[0] ?? 'model');
  const data = scores.data;
  const overall = data?.overall;
  const share = overall ? shareText(overall.sentBack, overall.reviews, fmt) : '';
  const single = dimensions.length === 1;
  return (
    <SectionCard
      title={single && dimensions[0] === 'model' ? t('reviewScores.titleByModel') : t('reviewScores.title')}
      testId={testId}
      action={
        !single && overall && overall.reviews > 0 ? (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={dimension}
            onChange={(_e, value: ScoreDimension | null) => value && setDimension(value)}
            aria-label={t('reviewScores.groupBy')}
          >
            {dimensions.map((d) => (
              <ToggleButton key={d} value={d} data-testid={`review-scores-dim-${d}`} sx={{ py: 0.25, px: 1 }}>
                {t(DIMENSION_LABEL[d])}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        ) : undefined
      }
    >
      {!data && scores.error !== null && <LoadError error={scores.error} onRetry={() => void scores.refetch()} />}
      {!data && scores.error === null && <Skeleton variant="rounded" height={160} />}
      {overall && overall.reviews === 0 && (
        <Alert severity="info" data-testid="review-scores-empty">
          {t('reviewScores.empty')}
        </Alert>
      )}
      {data && overall && overall.reviews > 0 && (
        <Box sx={{ display: 'grid', gap: 1 }}>
          <Typography variant="body2" data-testid="review-scores-summary">
            {overall.agreement.pairs > 0
              ? t('reviewScores.summary', {
                  reviews: overall.reviews,
                  drafts: overall.drafts,
                  sentBack: overall.sentBack,
                  share,
                  apart: overall.agreement.anyApart,
                  pairs: overall.agreement.pairs,
                })
              : t('reviewScores.summaryNoPairs', {
                  reviews: overall.reviews,
                  drafts: overall.drafts,
                  sentBack: overall.sentBack,
                  share,
                })}
          </Typography>
          <Box sx={{ mx: -2 }}>
            <ReviewScoresTable
              groups={data.byDimension[dimension]}
              dimension={dimension}
              highlightKey={dimension === 'model' ? highlightModel : null}
            />
          </Box>
          <Typography variant="caption" color="text.secondary" data-testid="review-scores-method">
            {t('reviewScores.method')}
          </Typography>
        </Box>
      )}
    </SectionCard>
  );
}
