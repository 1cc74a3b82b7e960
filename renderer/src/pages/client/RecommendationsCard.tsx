import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import type { ClientRanking, RankedProduct } from '../../../../app/contract';
import type { Outcome } from '../../../../app/domain';
import { useChannelQuery } from '../../api/use-channel-query';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';
import { languageModelCaptionKey } from './language-model-caption';
import type { ReactionChoice } from './ReactionButtons';
import { RecommendationRow } from './RecommendationRow';

export interface LastReaction {
  outcome: Outcome;
  occurredAt: string;
}

interface Props {
  ranking: ClientRanking | undefined;
  error: unknown;
  loading: boolean;
  /** True when the backend may hold more suitable products than it sent. */
  canShowMore: boolean;
  recordingProductId: string | null;
  lastReactions: ReadonlyMap<string, LastReaction>;
  onShowMore(): void;
  onRetry(): void;
  /** Products of a held list that have since become unsuitable. */
  noLongerSuitable?: ReadonlySet<string>;
  onRecord(product: RankedProduct, choice: ReactionChoice): void;
  /** Whether the advisor asked for credit products the profile gives no borrowing need for (the header switch). */
  includeCredit?: boolean;
  onIncludeCredit?(include: boolean): void;
  /** Actions on the ranking as a whole, under its title (mark as presented, undo the last reaction). */
  toolbar?: ReactNode;
}

/** Which model and rule set produced the list: small print an advisor can quote when asked. */
function Provenance({ ranking }: { ranking: ClientRanking }) {
  const { t, fmt } = useI18n();
  const parts = [
    ...(ranking.modelVersion !== null ? [t('reco.modelVersion', { version: ranking.modelVersion })] : []),
    t('reco.ruleSet', { id: ranking.ruleSet.id, version: ranking.ruleSet.version }),
    t('reco.asOf', { time: fmt.dateTime(ranking.at) }),
  ];
  return (
    <Typography
      variant="caption"
      color="text.secondary"
      data-testid="recommendation-provenance"
      data-model-version={ranking.modelVersion ?? ''}
    >
      {parts.join(' · ')}
    </Typography>
  );
}

/**
 * The credit filter in the header: a switch to include credit products, with a caption saying how many were held
 * back for want of a borrowing need. Shown only where it matters: credit was held back, or the advisor asked for it.
 */
function CreditSwitch({
  ranking,
  includeCredit,
  onIncludeCredit,
}: {
  ranking: ClientRanking;
  includeCredit: boolean;
  onIncludeCredit(include: boolean): void;
}) {
  const { t } = useI18n();
  const credit = ranking.credit;
  if (!credit || (!includeCredit && (credit.included || credit.hidden === 0))) return null;
  return (
    <Box sx={{ px: 2, pb: 0.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={includeCredit}
            onChange={(event) => onIncludeCredit(event.target.checked)}
            data-testid="recommendations-include-credit"
          />
        }
        label={<Typography variant="caption">{t('reasonCheck.credit.switch')}</Typography>}
      />
      {!credit.included && (
        <Typography variant="caption" color="text.secondary" data-testid="recommendations-credit-hidden">
          {t('reasonCheck.credit.hidden', { n: credit.hidden })}
        </Typography>
      )}
    </Box>
  );
}

/**
 * Whether the language model the live version was trained with gave this ranking its signals; nothing
 * when the version was trained without one.
 */
function LanguageModelLine({ languageModel }: { languageModel: NonNullable<ClientRanking['languageModel']> }) {
  const { t } = useI18n();
  const { file, used, reason } = languageModel;
  const key = languageModelCaptionKey(languageModel);
  const pending = key === 'reco.llm.pending';
  return (
    <Typography
      variant="caption"
      component="p"
      color={used || pending ? 'text.secondary' : 'warning.main'}
      sx={{ px: 2, pb: 1, display: 'flex', alignItems: 'center', gap: 0.75 }}
      title={reason ?? undefined}
      data-testid="recommendation-language-model"
      data-used={used ? 'true' : 'false'}
      data-pending={pending ? 'true' : 'false'}
    >
      {pending && <CircularProgress size={10} color="inherit" />}
      {t(key, { file })}
    </Typography>
  );
}

/** The client's suitable products, best first, with the score, why, and buttons to record the reaction. */
export function RecommendationsCard({
  ranking,
  error,
  loading,
  canShowMore,
  recordingProductId,
  lastReactions,
  onShowMore,
  onRetry,
  noLongerSuitable,
  onRecord,
  toolbar,
  includeCredit = false,
  onIncludeCredit,
}: Props) {
  const { t } = useI18n();
  // Products whose pitch waits for a reviewer: said beside the pitch button, so the advisor does not draft it again.
  const drafts = useChannelQuery('pitch:list', { clientId: ranking?.clientId ?? '-' }, { enabled: Boolean(ranking) });
  const awaiting = new Set((drafts.data ?? []).filter((d) => d.awaitingReview).map((d) => d.productId));
  return (
    <SectionCard
      title={t('reco.title')}
      flush
      testId="card-recommendations"
      action={ranking && <Provenance ranking={ranking} />}
    >
      {loading && ranking && <LinearProgress sx={{ height: 2 }} />}
      {!ranking && error !== undefined && (
        <Alert
          severity="error"
          sx={{ mx: 2, mb: 1.5 }}
          data-testid="recommendations-error"
          action={
            <Button color="inherit" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          }
        >
          {t('reco.loadError', { message: describeError(error) })}
        </Alert>
      )}
      {!ranking && error === undefined && (
        <Box sx={{ px: 2, pb: 1.5 }} aria-busy="true">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} variant="text" height={32} />
          ))}
        </Box>
      )}
      {ranking?.languageModel && <LanguageModelLine languageModel={ranking.languageModel} />}
      {ranking && onIncludeCredit && (
        <CreditSwitch ranking={ranking} includeCredit={includeCredit} onIncludeCredit={onIncludeCredit} />
      )}
      {ranking && toolbar}
      {ranking && ranking.modelVersion === null && (
        <Alert severity="info" sx={{ mx: 2, mb: 1 }} data-testid="recommendations-no-model">
          {t('reco.noModel')}
        </Alert>
      )}
      {ranking && ranking.ranked.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }} data-testid="recommendations-empty">
          {t('reco.empty')}
        </Typography>
      )}
      {ranking && ranking.ranked.length > 0 && (
        <>
          <Table aria-label={t('reco.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('reco.col.rank')}</TableCell>
                <TableCell>{t('reco.col.product')}</TableCell>
                <TableCell>{t('reco.col.risk')}</TableCell>
                <TableCell>{t('reco.col.score')}</TableCell>
                <TableCell align="right">{t('reco.col.reaction')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ranking.ranked.map((product) => (
                <RecommendationRow
                  key={product.productId}
                  clientId={ranking.clientId}
                  product={product}
                  busy={recordingProductId === product.productId}
                  lastReaction={lastReactions.get(product.productId)}
                  awaitingReview={awaiting.has(product.productId)}
                  noLongerSuitable={noLongerSuitable?.has(product.productId) ?? false}
                  onRecord={onRecord}
                />
              ))}
            </TableBody>
          </Table>
          {canShowMore && (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 0.75 }}>
              <Button
                startIcon={<ExpandMoreOutlined />}
                onClick={onShowMore}
                disabled={loading}
                data-testid="recommendations-more"
              >
                {t('reco.showMore')}
              </Button>
            </Box>
          )}
        </>
      )}
    </SectionCard>
  );
}
