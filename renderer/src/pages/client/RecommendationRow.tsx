import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ShuffleOutlined from '@mui/icons-material/ShuffleOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import type { RankedProduct } from '../../../../app/contract';
import { RiskGradeChip } from '../../components/RiskGradeChip';
import { categoryLabel } from '../../i18n/category-label';
import { familyLabel } from '../../i18n/family-label';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';
import { DeviationChip } from './DeviationChip';
import { ReactionButtons, type ReactionChoice } from './ReactionButtons';
import { ReasonPopover } from './ReasonPopover';
import type { LastReaction } from './RecommendationsCard';
import { ScoreBar } from './ScoreBar';

interface Props {
  clientId: string;
  product: RankedProduct;
  busy: boolean;
  lastReaction: LastReaction | undefined;
  /** A pitch of this product waits for a reviewer. */
  awaitingReview?: boolean;
  /** The list is held in place after a reaction and this product has since become unsuitable: no more reactions. */
  noLongerSuitable?: boolean;
  onRecord(product: RankedProduct, choice: ReactionChoice): void;
}

export function RecommendationRow({
  clientId,
  product,
  busy,
  lastReaction,
  awaitingReview,
  noLongerSuitable,
  onRecord,
}: Props) {
  const { t, fmt, pickPair, language } = useI18n();
  const name = pickPair(product.nameEn, product.nameZh);
  return (
    <TableRow
      hover
      data-testid="recommendation-row"
      data-product-id={product.productId}
      data-moved-for-diversity={product.movedForDiversity ? 'true' : 'false'}
    >
      <TableCell sx={{ width: 32, color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
        {product.rank}
      </TableCell>
      <TableCell sx={{ width: '100%', minWidth: 220 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
          <Link
            href={hrefFor({ name: 'product', id: product.productId })}
            underline="hover"
            sx={{ fontWeight: 500 }}
            data-testid="recommendation-name"
          >
            {name}
          </Link>
          {product.movedForDiversity && (
            <Tooltip title={t('reco.diversityHelp')}>
              <Chip
                icon={<ShuffleOutlined />}
                label={t('reco.diversity')}
                variant="outlined"
                data-testid="recommendation-diversity"
                sx={{ height: 20, fontSize: '0.7rem' }}
              />
            </Tooltip>
          )}
          {product.deviation && <DeviationChip productId={product.productId} productName={name} />}
        </Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {familyLabel(t, product.family)} · {categoryLabel(product.category, language)}
          {lastReaction && (
            <Box component="span" data-testid="recommendation-last-reaction" data-outcome={lastReaction.outcome}>
              {' · '}
              {t('reco.lastReaction', {
                outcome: t(`outcome.${lastReaction.outcome}`),
                date: fmt.date(lastReaction.occurredAt),
              })}
            </Box>
          )}
        </Typography>
      </TableCell>
      <TableCell sx={{ width: 56 }}>
        <RiskGradeChip grade={product.riskGrade} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <ScoreBar probability={product.probability} />
          <ReasonPopover productName={name} reasons={product.reasons} />
        </Box>
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {awaitingReview && (
          <Chip
            size="small"
            color="info"
            variant="outlined"
            label={t('review.awaitingChip')}
            sx={{ mr: 0.5 }}
            data-testid="recommendation-awaiting-review"
          />
        )}
        <Tooltip title={t('pitch.actionHelp', { product: name })} describeChild>
          <Button
            size="small"
            startIcon={<EditNoteOutlined fontSize="small" />}
            href={hrefFor({ name: 'pitch', clientId, productId: product.productId })}
            data-testid="recommendation-draft-pitch"
            sx={{ mr: 1 }}
          >
            {t('pitch.action')}
          </Button>
        </Tooltip>
        {noLongerSuitable ? (
          <Typography variant="caption" color="warning.main" data-testid="recommendation-no-longer-suitable">
            {t('clientPage.reaction.noLongerSuitable')}
          </Typography>
        ) : (
          <ReactionButtons productName={name} busy={busy} onRecord={(choice) => onRecord(product, choice)} />
        )}
      </TableCell>
    </TableRow>
  );
}
