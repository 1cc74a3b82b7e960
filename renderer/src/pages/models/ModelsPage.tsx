import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { call } from '../../api/call';
import { useBackend } from '../../api/use-backend';
import { useLlmStatus } from '../../api/use-llm-status';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
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
  const { notifyError, notifySuccess } = useNotify();
  const { status, refresh } = useLlmStatus();
  const files = useBackend('llm:models', {}, { entities: ['all'], reportErrors: false });
  const catalog = useBackend('llm:catalog', {}, { entities: ['all'], reportErrors: false });
  const [busy, setBusy] = useState(false);
  const [inspecting, setInspecting] = useState<ReadonlySet<string>>(new Set());
  const [inspected, setInspected] = useState<Record<string, NonNullable<typeof files.data>[number]>>({});

  const load = async (path: string) => {
    setBusy(true);
    try {
      const answer = await call('llm:load', { path, gpuLayers: 'auto', contextSize: 'auto' });
      if (answer.state === 'loaded') notifySuccess(t('llm.loaded', { file: modelFileName(path) }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const cancelLoad = async () => {
    try {
      await call('llm:cancel-load', {});
    } catch (error) {
      notifyError(error);
    } finally {
      refresh();
    }
  };

  const unload = async () => {
    setBusy(true);
    try {
      await call('llm:unload', {});
      notifySuccess(t('llm.unloaded'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const inspect = async (path: string) => {
    setInspecting((s) => new Set(s).add(path));
    try {
      const info = await call('llm:inspect', { path });
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

  const reloadAll = () => {
    files.reload();
    catalog.reload();
  };

  const list = files.data?.map((file) => inspected[file.path] ?? file);
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader title={t('llm.title')} titleTestId="llm-title" subtitle={<Typography variant="body2">{t('llm.subtitle')}</Typography>} />
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {status && <LoadedModelCard status={status} busy={busy} onCancel={() => void cancelLoad()} onUnload={() => void unload()} />}
        <SectionCard title={t('llm.files.title')} flush testId="llm-files-card">
          {!list && files.error !== undefined && <LoadError error={files.error} onRetry={files.reload} />}
          {!list && files.error === undefined && <Skeleton variant="rounded" height={120} sx={{ m: 1 }} />}
          {list && list.length === 0 && (
            <Alert severity="info" sx={{ m: 1 }} data-testid="llm-files-empty">
              {t('llm.files.empty')}
            </Alert>
          )}
          {list && list.length > 0 && <ModelFilesTable files={list} status={status} inspecting={inspecting} busy={busy} onLoad={(p) => void load(p)} onInspect={(p) => void inspect(p)} />}
        </SectionCard>
        <ImportModelCard onImported={files.reload} />
        {catalog.error !== undefined && !catalog.data && <LoadError error={catalog.error} onRetry={catalog.reload} />}
        {catalog.data && <CatalogCard entries={catalog.data} onFinished={reloadAll} />}
      </Box>
    </Box>
  );
}
