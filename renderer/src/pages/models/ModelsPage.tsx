import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { fetchChannel, useChannelQuery } from '../../api/use-channel-query';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useLlmStatus } from '../../api/use-llm-status';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { ReviewScoresCard } from '../../components/review-scores/ReviewScoresCard';
import { useI18n } from '../../i18n/use-i18n';
import { useNotify } from '../../notify/notify-context';
import { CatalogCard } from './CatalogCard';
import { ImportModelCard } from './ImportModelCard';
import { LoadedModelCard } from './LoadedModelCard';
import { modelFileName } from './llm-labels';
import { ModelFilesTable } from './ModelFilesTable';

/**
 * Local language models: the loaded model and where it runs, the GGUF files on this computer with what their
 * headers say and whether they fit, import by path, and the catalog of recommended downloads.
 */
export function ModelsPage() {
  const { t } = useI18n();
  const { notifyError } = useNotify();
  const queryClient = useQueryClient();
  const status = useLlmStatus();
  const files = useChannelQuery('llm:models', {}, { reportErrors: false });
  const catalog = useChannelQuery('llm:catalog', {}, { reportErrors: false });
  // Each answers with the new status, which its 'llm:status' events have usually brought already; asked again
  // in case one was missed.
  const loading = useChannelMutation('llm:load', {
    success: (answer, { path }) => (answer.state === 'loaded' ? t('llm.loaded', { file: modelFileName(path) }) : null),
    invalidates: ['llm:status'],
  });
  // Applying or removing an adapter loads the same model again, with or without it.
  const adapting = useChannelMutation('llm:load', {
    success: (answer, { path, lora }) =>
      answer.state !== 'loaded'
        ? null
        : lora
          ? t('llm.adapterAppliedNotice', { file: modelFileName(lora.path), model: modelFileName(path) })
          : t('llm.adapterRemoved', { model: modelFileName(path) }),
    invalidates: ['llm:status'],
  });
  const cancelling = useChannelMutation('llm:cancel-load', { invalidates: ['llm:status'] });
  const unloading = useChannelMutation('llm:unload', { success: () => t('llm.unloaded'), invalidates: ['llm:status'] });
  const busy = loading.isPending || unloading.isPending || adapting.isPending;
  const reload = (lora: { path: string; scale: number } | null) => {
    if (status?.state !== 'loaded' || !status.path) return;
    adapting.mutate({ path: status.path, gpuLayers: 'auto', contextSize: 'auto', ...(lora ? { lora } : {}) });
  };
  const [inspecting, setInspecting] = useState<ReadonlySet<string>>(new Set());
  const [inspected, setInspected] = useState<Record<string, NonNullable<typeof files.data>[number]>>({});

  // Inspecting hashes the file: the answer (with its sha256 and fit) stands in for the file's row in the list.
  const inspect = async (path: string) => {
    setInspecting((s) => new Set(s).add(path));
    try {
      const info = await fetchChannel(queryClient, 'llm:inspect', { path });
      setInspected((m) => ({ ...m, [path]: info }));
    } catch (error) {
      notifyError(error);
    } finally {
      setInspecting((s) => {
        const next = new Set(s);
        next.delete(path);
        return next;
      });
    }
  };

  const list = files.data?.map((file) => inspected[file.path] ?? file);
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('llm.title')}
        titleTestId="llm-title"
        subtitle={<Typography variant="body2">{t('llm.subtitle')}</Typography>}
      />
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {status && (
          <LoadedModelCard
            status={status}
            busy={busy}
            onCancel={() => cancelling.mutate({})}
            onUnload={() => unloading.mutate({})}
            onRemoveAdapter={() => reload(null)}
          />
        )}
        <SectionCard title={t('llm.files.title')} flush testId="llm-files-card">
          {!list && files.error !== null && <LoadError error={files.error} onRetry={() => void files.refetch()} />}
          {!list && files.error === null && <Skeleton variant="rounded" height={120} sx={{ m: 1 }} />}
          {list && list.length === 0 && (
            <Alert severity="info" sx={{ m: 1 }} data-testid="llm-files-empty">
              {t('llm.files.empty')}
            </Alert>
          )}
          {list && list.length > 0 && (
            <ModelFilesTable
              files={list}
              status={status}
              inspecting={inspecting}
              busy={busy}
              onLoad={(path) => loading.mutate({ path, gpuLayers: 'auto', contextSize: 'auto' })}
              onApply={(path) => reload({ path, scale: 1 })}
              onInspect={(path) => void inspect(path)}
            />
          )}
        </SectionCard>
        <ReviewScoresCard dimensions={['model']} highlightModel={status?.state === 'loaded' ? status.sha256 : null} />
        <ImportModelCard />
        {catalog.error !== null && !catalog.data && (
          <LoadError error={catalog.error} onRetry={() => void catalog.refetch()} />
        )}
        {catalog.data && <CatalogCard entries={catalog.data} />}
      </Box>
    </Box>
  );
}
