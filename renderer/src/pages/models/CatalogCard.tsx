import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { CatalogEntryView, EventPayload } from '../../../../app/contract';
import { call, isBackendError } from '../../api/call';
import { useBridgeEvent } from '../../api/use-bridge-event';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { describeError, useNotify } from '../../notify/notify-context';
import { formatBytes, pickBilingualMessage } from './llm-labels';

type Progress = EventPayload<'llm:download'>;

/** Recommended models with Download, live progress and Cancel; offline the backend's refusal is shown with what to do instead. */
export function CatalogCard({ entries }: { entries: CatalogEntryView[] }) {
  const { t, pick, language } = useI18n();
  const { notifySuccess } = useNotify();
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [failures, setFailures] = useState<Record<string, { error: unknown; offline: boolean }>>({});

  useBridgeEvent('llm:download', (payload) => {
    setProgress((p) => ({ ...p, [payload.id]: payload }));
    if (payload.state === 'completed') {
      // The file list and the catalog's Downloaded mark refetch through the same event (backend-events.ts).
      notifySuccess(t('llm.catalog.completed'));
    }
  });

  const start = async (id: string) => {
    setFailures(({ [id]: _dropped, ...rest }) => rest);
    setProgress((p) => ({ ...p, [id]: { id, state: 'downloading', downloadedBytes: p[id]?.downloadedBytes ?? 0, totalBytes: p[id]?.totalBytes ?? 0, error: null } }));
    try {
      const answer = await call('llm:download', { id });
      setProgress((p) => (p[id] && p[id].state !== answer.state && answer.state !== 'downloading' ? { ...p, [id]: { ...p[id], state: answer.state } } : p));
    } catch (error) {
      setProgress(({ [id]: _dropped, ...rest }) => rest);
      setFailures((f) => ({ ...f, [id]: { error, offline: isBackendError(error, 'unavailable') } }));
    }
  };

  const cancel = async (id: string) => {
    try {
      const answer = await call('llm:cancel-download', { id });
      setProgress((p) => (p[id] ? { ...p, [id]: { ...p[id], state: answer.state } } : p));
    } catch (error) {
      setFailures((f) => ({ ...f, [id]: { error, offline: false } }));
    }
  };

  return (
    <SectionCard title={t('llm.catalog.title')} testId="llm-catalog">
      {entries.length === 0 && <Typography color="text.secondary">{t('llm.catalog.empty')}</Typography>}
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {entries.map((entry) => {
          const p = progress[entry.id];
          const downloading = p?.state === 'downloading';
          const failure = failures[entry.id];
          const percent = p && p.totalBytes > 0 ? Math.min(100, Math.round((p.downloadedBytes / p.totalBytes) * 100)) : undefined;
          return (
            <Box key={entry.id} data-testid="llm-catalog-entry" data-id={entry.id} sx={{ borderTop: 1, borderColor: 'divider', pt: 1.25 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>
                  {entry.name}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {formatBytes(entry.sizeBytes)} · {t('llm.catalog.license', { license: entry.license })}
                </Typography>
                {entry.sha256 && (
                  // The published checksum, for anyone who copies the file in by hand and wants to check it.
                  <Tooltip title={entry.sha256}>
                    <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }} data-testid="llm-catalog-sha256">
                      {t('llm.catalog.checksum', { hash: `${entry.sha256.slice(0, 12)}…` })}
                    </Typography>
                  </Tooltip>
                )}
                {entry.downloadedPath ? (
                  <Chip size="small" color="success" label={t('llm.catalog.downloaded')} data-testid="llm-catalog-downloaded" />
                ) : downloading ? (
                  <Button size="small" color="warning" onClick={() => void cancel(entry.id)} data-testid="llm-catalog-cancel">
                    {t('llm.catalog.cancel')}
                  </Button>
                ) : (
                  <Button size="small" variant="outlined" onClick={() => void start(entry.id)} data-testid="llm-catalog-download">
                    {t('llm.catalog.download')}
                  </Button>
                )}
              </Box>
              <Typography variant="body2" color="text.secondary">
                {pick(entry.description)}
              </Typography>
              {downloading && (
                <Box sx={{ mt: 0.75 }}>
                  <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} data-testid="llm-catalog-progress" aria-label={entry.name} />
                  <Typography variant="caption" color="text.secondary">
                    {t('llm.catalog.progress', { done: formatBytes(p.downloadedBytes), total: formatBytes(p.totalBytes || entry.sizeBytes) })}
                  </Typography>
                </Box>
              )}
              {p?.state === 'cancelled' && (
                <Alert severity="info" sx={{ mt: 0.75 }} data-testid="llm-catalog-cancelled">
                  {t('llm.catalog.cancelled')}
                </Alert>
              )}
              {p?.state === 'failed' && (
                <Alert severity="error" sx={{ mt: 0.75 }} data-testid="llm-catalog-failed">
                  <strong>{t('llm.catalog.failed')}:</strong> {p.error ? t(p.error) : ''}
                </Alert>
              )}
              {failure && (
                <Alert severity={failure.offline ? 'warning' : 'error'} sx={{ mt: 0.75 }} data-testid="llm-catalog-offline" onClose={() => setFailures(({ [entry.id]: _dropped, ...rest }) => rest)}>
                  {failure.offline ? t('llm.catalog.offline') : t('llm.catalog.failed')}
                  <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
                    {pickBilingualMessage(describeError(failure.error), language)}
                  </Typography>
                </Alert>
              )}
            </Box>
          );
        })}
      </Box>
    </SectionCard>
  );
}
