import { useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ClientDetail, ClientRanking, ExcludedProduct, RankedProduct } from '../../../../app/contract';
import type { Outcome } from '../../../../app/domain';
import { BackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useChannelQuery } from '../../api/use-channel-query';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';
import { ActiveDeviations } from './active-deviations';
import { DeviationDialog } from './DeviationDialog';
import { ExcludedProductsCard } from './ExcludedProductsCard';
import { NOT_REQUESTED } from './language-model-caption';
import { RankingRecordBar, type UndoableReaction } from './RankingRecordBar';
import { RecommendationsCard, type LastReaction } from './RecommendationsCard';

const PAGE = 10;

interface ShownRanking {
  data: ClientRanking | undefined;
  error: unknown;
  loading: boolean;
}

const shownFrom = (query: UseQueryResult<ClientRanking>): ShownRanking => ({
  data: query.data,
  error: query.error ?? undefined,
  loading: query.isFetching,
});

/**
 * Which of the two asks to show: the one with the signals once it has come, else the one without; when the signals
 * failed, the one without, its line under the title saying why.
 */
function shownRanking(
  sharpen: boolean,
  quick: UseQueryResult<ClientRanking>,
  full: UseQueryResult<ClientRanking>,
): ShownRanking {
  if (!sharpen || !quick.data) return shownFrom(quick);
  if (full.data && !full.isFetching) return shownFrom(full);
  if (full.error === null || full.isFetching) return shownFrom(quick);
  const lm = quick.data.languageModel!;
  return {
    ...shownFrom(quick),
    data: {
      ...quick.data,
      languageModel: { ...lm, reason: `the signals could not be computed (${describeError(full.error)})` },
    },
  };
}

/**
 * The client's ranking and the products excluded from it, from one call so both always come from the same
 * rule set. A recorded reaction refreshes the ranking (the live model has learned it) and the client's interactions
 * through the backend's change events.
 */
export function ClientRecommendations({
  clientId,
  interactions,
}: {
  clientId: string;
  interactions: ClientDetail['interactions'];
}) {
  const { t, pickPair } = useI18n();
  const [top, setTop] = useState(PAGE);
  // Credit products for a client without a borrowing need only when the advisor asks (the card's switch).
  const [includeCredit, setIncludeCredit] = useState(false);
  // The latest recorded reaction per product, so a row says what the client already answered.
  const lastReactions = useMemo(() => {
    const latest = new Map<string, LastReaction>();
    for (const i of interactions) {
      if (!i.outcome) continue;
      const seen = latest.get(i.productId);
      if (!seen || seen.occurredAt < i.occurredAt)
        latest.set(i.productId, { outcome: i.outcome, occurredAt: i.occurredAt });
    }
    return latest;
  }, [interactions]);
  // Two asks: the ranking without the language model's signals comes at once; where the live version was
  // trained with the loaded model, the same ranking with its signals follows (seconds on a CPU, or after a draft).
  const quick = useChannelQuery(
    'recommendations:for-client',
    { clientId, top, languageModel: 'skip', shownOn: 'app', includeCredit },
    { reportErrors: false },
  );
  const sharpen = quick.data?.clientId === clientId && quick.data.languageModel?.reason === NOT_REQUESTED;
  const full = useChannelQuery(
    'recommendations:for-client',
    { clientId, top, languageModel: 'use', shownOn: 'app', includeCredit },
    { reportErrors: false, enabled: sharpen },
  );
  const ranking = shownRanking(sharpen, quick, full);
  const reloadRanking = () => {
    void quick.refetch();
    if (sharpen) void full.refetch();
  };
  const deviations = useChannelQuery('deviations:list', { clientId }, { reportErrors: false });
  const activeDeviations = useMemo(
    () => new Map((deviations.data ?? []).filter((d) => d.withdrawnAt === null).map((d) => [d.productId, d])),
    [deviations.data],
  );
  const [asking, setAsking] = useState<ExcludedProduct | null>(null);

  // Keep the list on screen while a longer one loads, rather than flashing back to placeholders.
  const lastShown = useRef<ClientRanking | undefined>(undefined);
  if (ranking.data) lastShown.current = ranking.data;
  const shown = ranking.data ?? (lastShown.current?.clientId === clientId ? lastShown.current : undefined);

  const [repeat, setRepeat] = useState<{ product: RankedProduct; outcome: Outcome } | null>(null);
  const [undoable, setUndoable] = useState<UndoableReaction | null>(null);
  const recording = useChannelMutation('outcomes:record', {
    success: (answer, input) => {
      const product = shown?.ranked.find((p) => p.productId === input.productId);
      const name = product ? pickPair(product.nameEn, product.nameZh) : input.productId;
      setUndoable({ interactionId: answer.interaction.id, outcome: t(`outcome.${input.outcome}`), product: name });
      return t('reco.recorded', { outcome: t(`outcome.${input.outcome}`), product: name });
    },
    // The same reaction already recorded today is a question for the advisor, not an error.
    reportErrors: (error) => !isRepeat(error),
  });
  const record = (product: RankedProduct, outcome: Outcome, confirmRepeat = false) =>
    recording.mutate(
      {
        clientId,
        productId: product.productId,
        outcome,
        confirmRepeat,
        ...(shown?.impressionId ? { impressionId: shown.impressionId } : {}),
      },
      { onError: (error) => isRepeat(error) && setRepeat({ product, outcome }) },
    );

  return (
    <ActiveDeviations.Provider value={activeDeviations}>
      <Box sx={{ display: 'grid', gap: 1.5, mt: 1.5 }}>
        <RecommendationsCard
          ranking={shown}
          includeCredit={includeCredit}
          onIncludeCredit={setIncludeCredit}
          error={ranking.error}
          loading={ranking.loading}
          canShowMore={shown !== undefined && shown.ranked.length >= top}
          recordingProductId={recording.isPending ? (recording.variables?.productId ?? null) : null}
          lastReactions={lastReactions}
          onShowMore={() => setTop((n) => n + PAGE)}
          onRetry={reloadRanking}
          onRecord={record}
          toolbar={<RankingRecordBar ranking={shown} undoable={undoable} onUndone={() => setUndoable(null)} />}
        />
        {shown && <ExcludedProductsCard excluded={shown.excluded} onAskDeviation={setAsking} />}
        <ConfirmDialog
          open={repeat !== null}
          title={t('reco.repeat.title')}
          body={
            repeat
              ? t('reco.repeat.body', {
                  outcome: t(`outcome.${repeat.outcome}`),
                  product: pickPair(repeat.product.nameEn, repeat.product.nameZh),
                })
              : ''
          }
          confirmLabel={t('reco.repeat.confirm')}
          onConfirm={() => {
            if (repeat) record(repeat.product, repeat.outcome, true);
            setRepeat(null);
          }}
          onClose={() => setRepeat(null)}
          testId="reaction-repeat"
        />
        {asking && (
          <DeviationDialog
            key={asking.productId}
            clientId={clientId}
            product={asking}
            onClose={() => setAsking(null)}
          />
        )}
      </Box>
    </ActiveDeviations.Provider>
  );
}

/** The backend's answer when the same reaction to the same product was already recorded today. */
function isRepeat(error: unknown): boolean {
  return error instanceof BackendError && error.code === 'conflict' && error.message.startsWith('repeat-reaction');
}
