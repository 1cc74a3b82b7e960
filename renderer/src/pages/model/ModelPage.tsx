import { useRef, useState } from 'react';
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
import { call, isBackendError } from '../../api/call';
import { useBackend } from '../../api/use-backend';
import { useBridgeEvent } from '../../api/use-bridge-event';
import { useLlmStatus } from '../../api/use-llm-status';
import { useRetrainStatus } from '../../api/use-retrain-status';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { describeError, useNotify } from '../../notify/notify-context';
import { ActiveVersionSummary } from './ActiveVersionSummary';
import { MetricsChart } from './MetricsChart';
import { ModelVersionsTable } from './ModelVersionsTable';

/** Why a retrain was refused, with each named problem when the backend lists them. */
function RetrainError({ error, onClose }: { error: unknown; onClose(): void }) {
  const { t, pick } = useI18n();
  const issues = isBackendError(error) ? error.issues : [];
  return (
    <Alert severity="error" onClose={onClose} sx={{ mb: 1.5 }} data-testid="model-retrain-error">
      <AlertTitle>{t('model.retrainFailed')}</AlertTitle>
      {describeError(error)}
      {issues.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.message.en}`}>
              {issue.field ? `${issue.field}: ` : ''}
              {pick(issue.message)}
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
  const { notifyError, notifySuccess } = useNotify();
  const versions = useBackend(
    'model:versions',
    {},
    { entities: ['model', 'interactions', 'all'], reportErrors: false },
  );
  // The retrain this page asked for: plain, or with the loaded language model's signals as features.
  const [retraining, setRetraining] = useState<false | 'plain' | 'languageModel'>(false);
  const { status: llm } = useLlmStatus();
  const llmFile = llm?.state === 'loaded' && llm.path ? (llm.path.split(/[\\/]/).pop() ?? llm.path) : null;
  // The retrain the backend runs, whoever asked for it and whenever: this page may have been opened since, or be
  // another window. This page's own request stands in until the backend's first word about it arrives.
  const running = useRetrainStatus();
  const active =
    running ??
    (retraining ? { languageModel: retraining === 'languageModel', file: llmFile, done: null, total: null } : null);
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
  useBridgeEvent('model:retrain-state', (state) => {
    if (state !== null) return;
    setCancelling(false);
    if (cancelStopping.current) setRetrainCancelled(true);
    cancelStopping.current = false;
  });
  const [activating, setActivating] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const retrain = async (languageModel: boolean) => {
    setRetraining(languageModel ? 'languageModel' : 'plain');
    setRetrainError(undefined);
    setRetrainCancelled(false);
    try {
      const trained = await call('model:retrain', languageModel ? { languageModel: true } : {});
      notifySuccess(t('model.retrained', { version: trained.version }));
      versions.reload();
    } catch (error) {
      // Given up on purpose: nothing failed and nothing changed.
      if (isBackendError(error, 'cancelled')) setRetrainCancelled(true);
      else setRetrainError(error);
    } finally {
      setRetraining(false);
      setCancelling(false);
    }
  };

  // The retrain answers 'cancelled' once it has stopped; until then the button says it is cancelling.
  const cancelRetrain = async () => {
    setCancelling(true);
    try {
      const { cancelled } = await call('model:retrain-cancel', {});
      // True only while a retrain had yet to stop, so it will end as cancelled and not store a version.
      if (cancelled) cancelStopping.current = true;
      else setCancelling(false);
    } catch (error) {
      setCancelling(false);
      notifyError(error);
    }
  };

  const activate = async (version: number) => {
    setBusy(true);
    try {
      await call('model:activate', { version });
      notifySuccess(t('model.activated', { version }));
      versions.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      setActivating(null);
    }
  };

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
                onClick={() => void retrain(true)}
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
              onClick={() => void retrain(false)}
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
                onClick={() => void cancelRetrain()}
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
      {retrainError !== undefined && <RetrainError error={retrainError} onClose={() => setRetrainError(undefined)} />}
      {!list && versions.error !== undefined && <LoadError error={versions.error} onRetry={versions.reload} />}
      {!list && versions.error === undefined && <Skeleton variant="rounded" height={280} />}
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
            <SectionCard title={t('model.chart.title')}>
              <MetricsChart versions={list} />
            </SectionCard>
            <ActiveVersionSummary versions={list} />
          </Box>
          <SectionCard title={t('model.versions')} flush testId="model-versions">
            <ModelVersionsTable versions={list} onActivate={setActivating} />
          </SectionCard>
        </Box>
      )}
      <ConfirmDialog
        open={activating !== null}
        title={t('model.activateTitle', { version: activating ?? '' })}
        body={t('model.activateBody', { version: activating ?? '' })}
        confirmLabel={t('model.makeActive')}
        busy={busy}
        onConfirm={() => activating !== null && void activate(activating)}
        onClose={() => setActivating(null)}
        testId="model-confirm"
      />
    </Box>
  );
}
