import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { LlmStatus } from '../../../../app/contract';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { modelFileName } from './llm-labels';

interface Props {
  status: LlmStatus;
  busy: boolean;
  onCancel(): void;
  onUnload(): void;
  /** Loads the model again without its LoRA adapter. */
  onRemoveAdapter(): void;
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', wordBreak: 'break-all' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** The one loaded model: where it runs and with what, load progress with Cancel, or why the last load failed. */
export function LoadedModelCard({ status, busy, onCancel, onUnload, onRemoveAdapter }: Props) {
  const { t, fmt } = useI18n();
  const file = status.path ? modelFileName(status.path) : '';
  return (
    <SectionCard
      title={t('llm.status.title')}
      testId="llm-status"
      action={
        status.state === 'loaded' ? (
          <Button size="small" onClick={onUnload} disabled={busy} data-testid="llm-unload">
            {t('llm.unload')}
          </Button>
        ) : status.state === 'loading' ? (
          <Button size="small" color="warning" onClick={onCancel} data-testid="llm-cancel-load">
            {t('llm.cancelLoad')}
          </Button>
        ) : undefined
      }
    >
      <Box data-testid="llm-status-body" data-state={status.state} data-backend={status.backend}>
        {status.state === 'loading' && (
          <Box sx={{ mb: 1 }}>
            <Typography variant="body2">{t('llm.status.loading', { file })}</Typography>
            <LinearProgress variant="determinate" value={Math.round(status.loadProgress * 100)} sx={{ mt: 0.75 }} data-testid="llm-load-progress" aria-label={t('llm.status.loading', { file })} />
          </Box>
        )}
        {status.state === 'failed' && status.error && (
          <Alert severity="error" sx={{ mb: 1 }} data-testid="llm-load-error">
            <strong>{t('llm.status.failed')}:</strong> {t(status.error)}
          </Alert>
        )}
        {(status.state === 'none' || status.state === 'failed') && (
          <Typography variant="body2" color="text.secondary" data-testid="llm-status-none">
            {t('llm.status.none')}
          </Typography>
        )}
        {status.state === 'loaded' && (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5 }}>
            <Box sx={{ gridColumn: '1 / -1' }}>
              <Fact label={t('llm.status.file')} value={file} testId="llm-status-file" />
            </Box>
            <Fact label={t('llm.status.backend')} value={t(`llm.backend.${status.backend}`)} testId="llm-status-backend" />
            <Fact label={t('llm.status.gpu')} value={status.gpuName ?? t('common.none')} testId="llm-status-gpu" />
            <Fact label={t('llm.status.layers')} value={t('llm.status.layersValue', { gpu: status.gpuLayers, total: status.totalLayers })} testId="llm-status-layers" />
            <Fact label={t('llm.status.context')} value={t('llm.status.contextValue', { n: fmt.number(status.contextSize) })} testId="llm-status-context" />
            <Fact label={t('llm.status.threads')} value={String(status.threads)} testId="llm-status-threads" />
            {status.lora && (
              <Box sx={{ gridColumn: '1 / -1', display: 'flex', alignItems: 'flex-end', gap: 1, flexWrap: 'wrap' }}>
                <Fact
                  label={t('llm.status.adapter')}
                  value={t('llm.status.adapterValue', {
                    file: status.lora.file,
                    hash: status.lora.sha256.slice(0, 12),
                    scale: fmt.number(status.lora.scale),
                  })}
                  testId="llm-status-adapter"
                />
                <Button size="small" onClick={onRemoveAdapter} disabled={busy} data-testid="llm-remove-adapter">
                  {t('llm.removeAdapter')}
                </Button>
              </Box>
            )}
          </Box>
        )}
      </Box>
    </SectionCard>
  );
}
