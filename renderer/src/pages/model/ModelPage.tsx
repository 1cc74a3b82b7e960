import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import ModelTrainingOutlined from '@mui/icons-material/ModelTrainingOutlined';
import PsychologyOutlined from '@mui/icons-material/PsychologyOutlined';
import { isBackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { useLlmStatus } from '../../api/use-llm-status';
import { useRetrainStatus } from '../../api/use-retrain-status';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { ReviewScoresCard } from '../../components/review-scores/ReviewScoresCard';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';
import { ActiveVersionSummary } from './ActiveVersionSummary';
import { ModelQualityChart } from './ModelQualityChart';
import { ModelVersionsTable } from './ModelVersionsTable';
import { RetrainComparison } from './RetrainComparison';
import type { ModelVersionSummary } from '../../../../app/contract';

/** Why a retrain was refused, with each named problem when the backend lists them. */
function RetrainError({ error, onClose }: { error: unknown; onClose(): void }) {
  const { t } = useI18n();
  const issues = isBackendError(error) ? error.issues : [];
  return (
    <Alert severity="error" onClose={onClose} sx={{ mb: 1.5 }} data-testid="model-retrain-error">
      <AlertTitle>{t('model.retrainFailed')}</AlertTitle>
      {describeError(error)}
      {issues.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {issues.map((issue) => (
            <li key={`${issue.field}:${JSON.stringify(issue.message)}`}>
              {issue.field ? `${issue.field}: ` : ''}
              {t(issue.message)}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

/**
 * The interest model's versions and how each did on outcomes it did not train on; retrain from all recorded
 * outcomes, or make an earlier version active again when a new one disappoints.
 */
export function ModelPage() {
  const { t } = useI18n();
  const versions = useChannelQuery('model:versions', {}, { reportErrors: false });
  const llm = useLlmStatus();
  const llmFile = llm?.state === 'loaded' && llm.path ? (llm.path.split(/[\\/]/).pop() ?? llm.path) : null;
  // The retrain the backend runs, whoever asked for it and whenever: this page may have been opened since, or be
  // another window. This page's own request stands in until the backend's first word about it arrives.
  const running = useRetrainStatus();
  // The retrain this page asked for: plain, or with the loaded language model's signals as features. A refusal is
  // shown in place with each named problem; a cancel is no failure.
  const retraining = useChannelMutation('model:retrain', {
    success: (trained) =>
      trained.active
        ? t('model.retrained', { version: trained.version })
        : t('retrainSafety.notLive', { version: trained.version }),
    reportErrors: false,
  });
  const asked = retraining.isPending ? (retraining.variables.languageModel ?? false) : null;
  const active = running ?? (asked !== null ? { languageModel: asked, file: llmFile, done: null, total: null } : null);
  const activeKind = active ? (active.languageModel ? 'languageModel' : 'plain') : false;
  // How far a retrain with signals has got (clients done of those with outcomes); null before the first report and once all are done.
  const signalsProgress =
    active?.languageModel && active.done !== null && active.total !== null && active.done < active.total
      ? { done: active.done, total: active.total }
      : null;
  const [retrainError, setRetrainError] = useState<unknown>(undefined);
  // A retrain with signals takes minutes on a CPU: the advisor can give it up.
  const [cancelling, setCancelling] = useState(false);
  const [retrainCancelled, setRetrainCancelled] = useState(false);
  // Cancel pressed here for a retrain this page may not have asked for: its end is then the cancel this page asked.
  const cancelStopping = useRef(false);
  // Whoever asked for it, a retrain that ends stops this page's Cancel from saying it is cancelling.
  const wasRunning = useRef(running !== null);
  useEffect(() => {
    const ended = wasRunning.current && running === null;
    wasRunning.current = running !== null;
    if (!ended) return;
    setCancelling(false);
    if (cancelStopping.current) setRetrainCancelled(true);
    cancelStopping.current = false;
  }, [running]);
  const cancellation = useChannelMutation('model:retrain-cancel');
  const [activating, setActivating] = useState<number | null>(null);
  // The latest retrain this page asked for, with how it did against the live version on the same outcomes.
  const [lastRetrain, setLastRetrain] = useState<ModelVersionSummary | null>(null);
  // A version kept out of service for scoring worse, which the advisor chose to make live: confirmed first.
  const [makingLive, setMakingLive] = useState<ModelVersionSummary | null>(null);
  const activation = useChannelMutation('model:activate', {
    success: (_answer, { version }) => t('model.activated', { version }),
  });

  const retrain = (languageModel: boolean) => {
    setRetrainError(undefined);
    setRetrainCancelled(false);
    setLastRetrain(null);
    retraining.mutate(languageModel ? { languageModel: true } : {}, {
      onSuccess: (trained) => setLastRetrain(trained),
      onError: (error) => {
        // Given up on purpose: nothing failed and nothing changed.
        if (isBackendError(error, 'cancelled')) setRetrainCancelled(true);
        else setRetrainError(error);
      },
      onSettled: () => setCancelling(false),
    });
  };

  // The retrain answers 'cancelled' once it has stopped; until then the button says it is cancelling.
  const cancelRetrain = () => {
    setCancelling(true);
    cancellation.mutate(
      {},
      {
        // True only while a retrain had yet to stop, so it will end as cancelled and not store a version.
        onSuccess: ({ cancelled }) => {
          if (cancelled) cancelStopping.current = true;
          else setCancelling(false);
        },
        onError: () => setCancelling(false),
      },
    );
  };

  const activate = (version: number) =>
    activation.mutate(
      { version },
      {
        onSuccess: (made) => setLastRetrain((last) => (last?.version === made.version ? null : last)),
        onSettled: () => {
          setActivating(null);
          setMakingLive(null);
        },
      },
    );

  const list = versions.data;
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('model.title')}
        titleTestId="model-title"
        subtitle={<Typography variant="body2">{t('model.subtitle')}</Typography>}
        actions={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {llmFile !== null && (
              <Button
                variant="outlined"
                startIcon={
                  activeKind === 'languageModel' ? (
                    <CircularProgress size={16} color="inherit" />
                  ) : (
                    <PsychologyOutlined />
                  )
                }
                disabled={active !== null || !list}
                onClick={() => retrain(true)}
                title={t('model.retrainWithLlmHint', { file: llmFile })}
                data-testid="model-retrain-llm"
              >
                {t('model.retrainWithLlm')}
              </Button>
            )}
            <Button
              variant="contained"
              startIcon={
                activeKind === 'plain' ? <CircularProgress size={16} color="inherit" /> : <ModelTrainingOutlined />
              }
              disabled={active !== null || !list}
              onClick={() => retrain(false)}
              data-testid="model-retrain"
            >
              {t('model.retrain')}
            </Button>
          </Box>
        }
      />
      {active && (
        <Alert
          severity="info"
          icon={false}
          sx={{ mb: 1.5, display: 'block' }}
          data-testid="model-retraining"
          data-language-model={active.languageModel}
        >
          {active.languageModel
            ? t('model.retrainingWithLlm', { file: active.file ?? llmFile ?? '' })
            : t('model.retraining')}
          {signalsProgress && (
            <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="model-signals-progress">
              {t('model.signalsProgress', { done: signalsProgress.done, total: signalsProgress.total })}
            </Typography>
          )}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 1 }}>
            <Box sx={{ flex: 1 }}>
              {signalsProgress ? (
                <LinearProgress
                  variant="determinate"
                  value={(100 * signalsProgress.done) / Math.max(1, signalsProgress.total)}
                  data-testid="model-signals-bar"
                />
              ) : (
                <LinearProgress />
              )}
            </Box>
            {active.languageModel && (
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                disabled={cancelling}
                onClick={cancelRetrain}
                title={t('model.cancelRetrainHint')}
                data-testid="model-retrain-cancel"
              >
                {cancelling ? t('model.cancellingRetrain') : t('common.cancel')}
              </Button>
            )}
          </Box>
        </Alert>
      )}
      {retrainCancelled && (
        <Alert
          severity="info"
          onClose={() => setRetrainCancelled(false)}
          sx={{ mb: 1.5 }}
          data-testid="model-retrain-cancelled"
        >
          {t('model.retrainCancelled')}
        </Alert>
      )}
      {lastRetrain && (
        <RetrainComparison
          trained={lastRetrain}
          onMakeLive={() => setMakingLive(lastRetrain)}
          onClose={() => setLastRetrain(null)}
        />
      )}
      {retrainError !== undefined && <RetrainError error={retrainError} onClose={() => setRetrainError(undefined)} />}
      {!list && versions.error !== null && <LoadError error={versions.error} onRetry={() => void versions.refetch()} />}
      {!list && versions.error === null && <Skeleton variant="rounded" height={280} />}
      {list && list.length === 0 && (
        <Alert severity="info" data-testid="model-empty">
          {t('model.empty')}
        </Alert>
      )}
      {list && list.length > 0 && (
        <Box sx={{ display: 'grid', gap: 1.5 }}>
          <Box
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 1.5, alignItems: 'start' }}
          >
            <SectionCard title={t('modelQuality.title')} testId="model-quality">
              <ModelQualityChart versions={list} />
            </SectionCard>
            <ActiveVersionSummary versions={list} />
          </Box>
          <SectionCard title={t('model.versions')} flush testId="model-versions">
            <ModelVersionsTable versions={list} onActivate={setActivating} />
          </SectionCard>
        </Box>
      )}
      <Box sx={{ mt: 1.5 }}>
        <ReviewScoresCard />
      </Box>
      <ConfirmDialog
        open={activating !== null}
        title={t('model.activateTitle', { version: activating ?? '' })}
        body={t('model.activateBody', { version: activating ?? '' })}
        confirmLabel={t('model.makeActive')}
        busy={activation.isPending}
        onConfirm={() => activating !== null && activate(activating)}
        onClose={() => setActivating(null)}
        testId="model-confirm"
      />
      <ConfirmDialog
        open={makingLive !== null}
        title={t('retrainSafety.confirmTitle', { version: makingLive?.version ?? '' })}
        body={t('retrainSafety.confirmBody', {
          version: makingLive?.version ?? '',
          liveVersion: makingLive?.comparison?.liveVersion ?? '',
          candidate: makingLive?.comparison?.candidate.auc?.toFixed(3) ?? '–',
          live: makingLive?.comparison?.live.auc?.toFixed(3) ?? '–',
        })}
        confirmLabel={t('retrainSafety.confirm')}
        busy={activation.isPending}
        onConfirm={() => makingLive !== null && activate(makingLive.version)}
        onClose={() => setMakingLive(null)}
        testId="model-make-live-confirm"
      />
    </Box>
  );
}
