import { useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import type { ClientDetail, ClientRanking, ExcludedProduct, RankedProduct } from '../../../../app/contract';
import type { Outcome } from '../../../../app/domain';
import { call } from '../../api/call';
import { useBackend, type BackendQuery } from '../../api/use-backend';
import { useI18n } from '../../i18n/use-i18n';
import { describeError, useNotify } from '../../notify/notify-context';
import { ActiveDeviations } from './active-deviations';
import { DeviationDialog } from './DeviationDialog';
import { ExcludedProductsCard } from './ExcludedProductsCard';
import { NOT_REQUESTED } from './language-model-caption';
import { RecommendationsCard, type LastReaction } from './RecommendationsCard';

const PAGE = 10;

/**
 * Which of the two asks to show: the one with the signals once it has come, else the one without; when the signals
 * failed, the one without, its line under the title saying why.
 */
function shownRanking(
  sharpen: boolean,
  quick: BackendQuery<ClientRanking>,
  full: BackendQuery<ClientRanking>,
): BackendQuery<ClientRanking> {
  if (!sharpen || !quick.data) return quick;
  if (full.data && !full.loading) return full;
  if (full.error === undefined || full.loading) return quick;
  const lm = quick.data.languageModel!;
  return {
    ...quick,
    data: {
      ...quick.data,
      languageModel: { ...lm, reason: `the signals could not be computed (${describeError(full.error)})` },
    },
  };
}

/**
 * The client's ranking and the products excluded from it, from one call so both always come from the same
 * rule set. A recorded reaction refreshes the ranking (the live model has learned it) and the client's interactions.
 */
export function ClientRecommendations({
  clientId,
  interactions,
  onRecorded,
}: {
  clientId: string;
  interactions: ClientDetail['interactions'];
  onRecorded(): void;
}) {
  const { t, pickPair } = useI18n();
  const { notifyError, notifySuccess } = useNotify();
  const [top, setTop] = useState(PAGE);
  const [recording, setRecording] = useState<string | null>(null);
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
  const entities = ['interactions', 'model', 'rules', 'products', 'clients', 'deviations'] as const;
  const quick = useBackend(
    'recommendations:for-client',
    { clientId, top, languageModel: 'skip' },
    { entities: [...entities], reportErrors: false },
  );
  const sharpen = quick.data?.clientId === clientId && quick.data.languageModel?.reason === NOT_REQUESTED;
  const full = useBackend(
    'recommendations:for-client',
    { clientId, top, languageModel: 'use' },
    { entities: [...entities], reportErrors: false, enabled: sharpen },
  );
  const ranking = shownRanking(sharpen, quick, full);
  const reloadRanking = () => {
    quick.reload();
    if (sharpen) full.reload();
  };
  const deviations = useBackend(
    'deviations:list',
    { clientId },
    { entities: ['deviations', 'products', 'clients'], reportErrors: false },
  );
  const activeDeviations = useMemo(
    () => new Map((deviations.data ?? []).filter((d) => d.withdrawnAt === null).map((d) => [d.productId, d])),
    [deviations.data],
  );
  const [asking, setAsking] = useState<ExcludedProduct | null>(null);

  // Keep the list on screen while a longer one loads, rather than flashing back to placeholders.
  const lastShown = useRef<ClientRanking | undefined>(undefined);
  if (ranking.data) lastShown.current = ranking.data;
  const shown = ranking.data ?? (lastShown.current?.clientId === clientId ? lastShown.current : undefined);

  const record = async (product: RankedProduct, outcome: Outcome) => {
    setRecording(product.productId);
    try {
      await call('outcomes:record', { clientId, productId: product.productId, outcome });
      notifySuccess(
        t('reco.recorded', { outcome: t(`outcome.${outcome}`), product: pickPair(product.nameEn, product.nameZh) }),
      );
      reloadRanking();
      onRecorded();
    } catch (error) {
      notifyError(error);
    } finally {
      setRecording(null);
    }
  };

  return (
    <ActiveDeviations.Provider value={activeDeviations}>
      <Box sx={{ display: 'grid', gap: 1.5, mt: 1.5 }}>
        <RecommendationsCard
          ranking={shown}
          error={ranking.error}
          loading={ranking.loading}
          canShowMore={shown !== undefined && shown.ranked.length >= top}
          recordingProductId={recording}
          lastReactions={lastReactions}
          onShowMore={() => setTop((n) => n + PAGE)}
          onRetry={reloadRanking}
          onRecord={(product, outcome) => void record(product, outcome)}
        />
        {shown && <ExcludedProductsCard excluded={shown.excluded} onAskDeviation={setAsking} />}
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
