import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RUBRIC_CRITERIA } from '../../../../app/domain/desk-users';
import type { ReviewScoreGroup, ScoreDimension } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { DIMENSION_LABEL, groupLabel } from './review-score-labels';
import { shareText } from './share-text';

type Criterion = (typeof RUBRIC_CRITERIA)[number];

/** A criterion's mean, large, with its interval beneath; a lone score has no interval. */
function CriterionCell({ score, criterion }: { score: ReviewScoreGroup['criteria'][Criterion]; criterion: Criterion }) {
  const { t, fmt } = useI18n();
  if (score.mean === null)
    return (
      <TableCell align="right" data-testid={`review-scores-${criterion}`}>
        —
      </TableCell>
    );
  const mean = fmt.number(score.mean, 2);
  const hasInterval = score.low !== null && score.high !== null;
  const low = hasInterval ? fmt.number(score.low!, 2) : '';
  const high = hasInterval ? fmt.number(score.high!, 2) : '';
  return (
    <TableCell
      align="right"
      data-testid={`review-scores-${criterion}`}
      data-mean={score.mean.toFixed(2)}
      title={
        hasInterval
          ? t('reviewScores.intervalLabel', { mean, low, high, n: score.n })
          : t('reviewScores.noInterval', { mean })
      }
    >
      <Typography variant="body2" component="span" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {mean}
      </Typography>
      <Typography
        variant="caption"
        component="div"
        color="text.secondary"
        sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {!hasInterval
          ? '\u00a0'
          : score.low === score.high
            ? t('reviewScores.allSame', { n: score.n, mean: fmt.number(score.mean, 0) })
            : t('reviewScores.interval', { low, high })}
      </Typography>
    </TableCell>
  );
}

/**
 * One row per group of the chosen dimension: how many reviews, how many sent back, each criterion's mean with its
 * interval, and how often two reviewers of the same draft were more than a point apart.
 */
export function ReviewScoresTable({
  groups,
  dimension,
  highlightKey,
}: {
  groups: ReviewScoreGroup[];
  dimension: ScoreDimension;
  /** A group to mark, such as the language model loaded now. */
  highlightKey?: string | null | undefined;
}) {
  const { t, fmt } = useI18n();
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('reviewScores.label', { dimension: t(DIMENSION_LABEL[dimension]) })}>
        <TableHead>
          <TableRow>
            <TableCell>{t(DIMENSION_LABEL[dimension])}</TableCell>
            <TableCell align="right">{t('reviewScores.col.reviews')}</TableCell>
            <TableCell align="right">{t('reviewScores.col.sentBack')}</TableCell>
            {RUBRIC_CRITERIA.map((c) => (
              <TableCell key={c} align="right">
                {t(`reviewScores.criterion.${c}`)}
              </TableCell>
            ))}
            <TableCell align="right">{t('reviewScores.col.apart')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((g) => (
            <TableRow
              key={g.key}
              data-testid="review-scores-row"
              data-key={g.key}
              selected={highlightKey !== undefined && highlightKey !== null && g.key === highlightKey}
            >
              <TableCell component="th" scope="row" sx={{ minWidth: 220, maxWidth: 320 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <Typography
                    variant="body2"
                    component="span"
                    sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}
                    data-testid="review-scores-group"
                  >
                    {groupLabel(g, dimension, t)}
                  </Typography>
                  {highlightKey === g.key && (
                    <Chip size="small" color="primary" variant="outlined" label={t('reviewScores.group.loaded')} />
                  )}
                </Box>
                {dimension === 'model' && g.label !== null && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="div"
                    title={g.key}
                    sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
                  >
                    {`sha256 ${g.key.slice(0, 12)}…`}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" data-testid="review-scores-reviews" sx={{ whiteSpace: 'nowrap' }}>
                <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {fmt.number(g.reviews)}
                </Typography>
                <Typography variant="caption" component="div" color="text.secondary">
                  {t('reviewScores.drafts', { drafts: g.drafts })}
                </Typography>
              </TableCell>
              <TableCell align="right" data-testid="review-scores-sent-back" sx={{ whiteSpace: 'nowrap' }}>
                {t('reviewScores.sentBackShare', { count: g.sentBack, share: shareText(g.sentBack, g.reviews, fmt) })}
              </TableCell>
              {RUBRIC_CRITERIA.map((c) => (
                <CriterionCell key={c} score={g.criteria[c]} criterion={c} />
              ))}
              <TableCell
                align="right"
                data-testid="review-scores-apart"
                sx={{ whiteSpace: 'nowrap' }}
                title={t('reviewScores.apartTitle', g.agreement.apart)}
              >
                {g.agreement.pairs === 0
                  ? t('reviewScores.noPairs')
                  : t('reviewScores.apartOfPairs', { apart: g.agreement.anyApart, pairs: g.agreement.pairs })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
