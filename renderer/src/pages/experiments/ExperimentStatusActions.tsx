import { useState } from 'react';
import Button from '@mui/material/Button';
import type { ExperimentView } from '../../../../app/contract/experiment-channels';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n/use-i18n';

/** Start a draft, or stop a running experiment after a confirmation. A refusal (another one running) is shown. */
export function ExperimentStatusActions({ experiment }: { experiment: ExperimentView }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const invalidates = ['experiments:list', 'experiments:results'] as const;
  const start = useChannelMutation('experiments:start', {
    invalidates,
    success: (e) => t('experiments.started', { name: e.name }),
  });
  const stop = useChannelMutation('experiments:stop', {
    invalidates,
    success: (e) => t('experiments.stopped', { name: e.name }),
  });
  if (experiment.status === 'draft')
    return (
      <Button
        size="small"
        variant="outlined"
        disabled={start.isPending}
        onClick={() => start.mutate({ id: experiment.id })}
        data-testid="experiment-start"
      >
        {t('experiments.start')}
      </Button>
    );
  if (experiment.status !== 'running') return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="warning"
        onClick={() => setConfirming(true)}
        data-testid="experiment-stop"
      >
        {t('experiments.stop')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('experiments.stop')}
        body={t('experiments.stopConfirm', { name: experiment.name })}
        confirmLabel={t('experiments.stop')}
        busy={stop.isPending}
        destructive
        onConfirm={() => stop.mutate({ id: experiment.id }, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
        testId="experiment-stop-confirm"
      />
    </>
  );
}
