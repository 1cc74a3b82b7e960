import { useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ClientDetail, ClientRanking, ExcludedProduct, RankedProduct } from '../../../../app/contract';
import type { ClientKind } from '../../../../app/domain';
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
import type { ReactionChoice } from './ReactionButtons';
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
 * rule set. A reaction is chosen, then confirmed with its channel and note; the client's interactions follow through
 * the backend's change events, while the list on screen keeps its order until the advisor refreshes.
 */
export function ClientRecommendations({
  clientId,
  clientKind,
  interactions,
}: {
  clientId: string;
  clientKind: ClientKind;
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

  // After a reaction the list on screen is held as it was, so no row moves under the pointer; the model's new order
  // shows when the advisor presses Refresh or comes back to the page. Suitability still comes from the live answer.
  const [held, setHeld] = useState<ClientRanking | null>(null);
  const heldHere = held?.clientId === clientId ? held : null;
  const display = heldHere ?? shown;
  const noLongerSuitable = useMemo(
    () => (heldHere && shown ? new Set(shown.excluded.map((p) => p.productId)) : undefined),
    [heldHere, shown],
  );
  const refresh = () => {
    setHeld(null);
    reloadRanking();
  };

  const [repeat, setRepeat] = useState<{ product: RankedProduct; choice: ReactionChoice } | null>(null);
  const [undoable, setUndoable] = useState<UndoableReaction | null>(null);
  const recording = useChannelMutation('outcomes:record', {
    success: (answer, input) => {
      const product = display?.ranked.find((p) => p.productId === input.productId);
      const name = product ? pickPair(product.nameEn, product.nameZh) : input.productId;
      setUndoable({ interactionId: answer.interaction.id, outcome: t(`outcome.${input.outcome}`), product: name });
      return t('clientPage.reaction.recorded', { outcome: t(`outcome.${input.outcome}`), product: name });
    },
    // The same reaction already recorded today is a question for the advisor, not an error.
    reportErrors: (error) => !isRepeat(error),
  });
  const record = (product: RankedProduct, choice: ReactionChoice, confirmRepeat = false) => {
    if (display) setHeld((h) => (h?.clientId === clientId ? h : display));
    recording.mutate(
      {
        clientId,
        productId: product.productId,
        outcome: choice.outcome,
        channel: choice.channel,
        note: choice.note,
        confirmRepeat,
        ...(display?.impressionId ? { impressionId: display.impressionId } : {}),
      },
      { onError: (error) => isRepeat(error) && setRepeat({ product, choice }) },
    );
  };

  return (
    <ActiveDeviations.Provider value={activeDeviations}>
      <Box sx={{ display: 'grid', gap: 1.5, mt: 1.5 }}>
        <RecommendationsCard
          ranking={display}
          includeCredit={includeCredit}
          onIncludeCredit={(include) => {
            // Asking for credit products is asking for a new list: the held one would hide them.
            setHeld(null);
            setIncludeCredit(include);
          }}
          error={ranking.error}
          loading={ranking.loading && !heldHere}
          canShowMore={!heldHere && shown !== undefined && shown.ranked.length >= top}
          recordingProductId={recording.isPending ? (recording.variables?.productId ?? null) : null}
          lastReactions={lastReactions}
          onShowMore={() => setTop((n) => n + PAGE)}
          onRetry={reloadRanking}
          noLongerSuitable={noLongerSuitable}
          onRecord={record}
          toolbar={
            <>
              {heldHere && (
                <Alert
                  severity="info"
                  variant="outlined"
                  sx={{ mx: 2, mb: 1, py: 0 }}
                  data-testid="recommendations-held"
                  action={
                    <Button
                      color="inherit"
                      size="small"
                      startIcon={<RefreshOutlined />}
                      onClick={refresh}
                      data-testid="recommendations-refresh"
                    >
                      {t('clientPage.refresh')}
                    </Button>
                  }
                >
                  {t('clientPage.refresh.help')}
                </Alert>
              )}
              <RankingRecordBar ranking={display} undoable={undoable} onUndone={() => setUndoable(null)} />
            </>
          }
        />
        {shown && <ExcludedProductsCard excluded={shown.excluded} clientKind={clientKind} onAskDeviation={setAsking} />}
        <ConfirmDialog
          open={repeat !== null}
          title={t('reco.repeat.title')}
          body={
            repeat
              ? t('reco.repeat.body', {
                  outcome: t(`outcome.${repeat.choice.outcome}`),
                  product: pickPair(repeat.product.nameEn, repeat.product.nameZh),
                })
              : ''
          }
          confirmLabel={t('reco.repeat.confirm')}
          onConfirm={() => {
            if (repeat) record(repeat.product, repeat.choice, true);
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
