import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import { useState } from 'react';
import { EXPORT_FORMATS, NAMED_ONLY_FORMATS, type ExportFormat } from '../../../../app/records/export-formats';
import { call } from '../../api/call';
import { getBridge } from '../../bridge/bridge';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useNotify } from '../../notify/notify-context';
import type { ExportJobRequest } from './use-export-job';
import { useExportJob } from './use-export-job';

interface Props {
  /** The page's filters as an export takes them; null while the period is not two days in order. */
  request: Omit<ExportJobRequest, 'format' | 'pseudonymize'> | null;
  /** How many records the filters match now. */
  count: number | null;
}

/** Export the filtered records: format, pseudonymization, progress with cancel, then where it went. */
export function ExportPanel({ request, count }: Props) {
  const { t, fmt } = useI18n();
  const { notifySuccess } = useNotify();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [pseudonymize, setPseudonymize] = useState(false);
  const { job, start, cancel } = useExportJob();
  const running = job.state === 'running';
  // A PDF report is written for the client and names them: such formats are never pseudonymized.
  const canPseudonymize = !NAMED_ONLY_FORMATS.includes(format);
  const desktop = (() => {
    try {
      return getBridge().mode === 'electron';
    } catch {
      return false;
    }
  })();

  const progress = running ? job.progress : null;
  const share = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <SectionCard title={t('compliance.export.title')} testId="export-panel">
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, pb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {request ? t('compliance.export.scope', { count: count ?? 0 }) : t('compliance.export.needPeriod')}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={format}
            onChange={(_event, value: ExportFormat | null) => value && setFormat(value)}
            aria-label={t('compliance.export.format')}
            disabled={running}
          >
            {EXPORT_FORMATS.map((f) => (
              <ToggleButton key={f} value={f} data-testid={`export-format-${f}`} sx={{ px: 2 }}>
                {f.toUpperCase()}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <FormControlLabel
            control={
              <Switch
                checked={pseudonymize && canPseudonymize}
                onChange={(event) => setPseudonymize(event.target.checked)}
                disabled={running || !canPseudonymize}
                slotProps={{ input: { 'data-testid': 'export-pseudonymize' } as object }}
              />
            }
            label={t('compliance.export.pseudonymize')}
          />
        </Box>
        {pseudonymize && canPseudonymize && (
          <Typography variant="caption" color="text.secondary">
            {t('compliance.export.pseudonymizeHelp')}
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button
            variant="contained"
            disabled={!request || running}
            onClick={() => request && void start({ ...request, format, pseudonymize: pseudonymize && canPseudonymize })}
            data-testid="export-start"
          >
            {t('compliance.export.start')}
          </Button>
          {running && (
            <Button onClick={() => void cancel()} data-testid="export-cancel" disabled={!job.jobId}>
              {t('compliance.export.cancel')}
            </Button>
          )}
        </Box>

        {running && (
          <Box data-testid="export-progress">
            <LinearProgress
              variant={progress?.phase === 'writing' ? 'determinate' : 'indeterminate'}
              value={share}
              sx={{ mb: 0.5 }}
            />
            <Typography variant="body2" color="text.secondary">
              {progress?.phase === 'writing'
                ? t('compliance.export.writing', { done: progress.done, total: progress.total })
                : progress?.phase === 'finishing'
                  ? t('compliance.export.finishing')
                  : t('compliance.export.counting')}
            </Typography>
          </Box>
        )}
        {job.state === 'cancelled' && <Alert severity="info">{t('compliance.export.cancelled')}</Alert>}
        {job.state === 'failed' && (
          <Alert severity="error" data-testid="export-failed">
            {t('compliance.export.failed', { error: job.error })}
          </Alert>
        )}
        {job.state === 'completed' && (
          <Alert
            severity="success"
            data-testid="export-done"
            sx={{ '& .MuiAlert-message': { minWidth: 0, flexGrow: 1 } }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="export-done-count">
              {t('compliance.export.done', {
                count: job.result.recordCount,
                pseudonymized: job.result.pseudonymized ? t('compliance.export.pseudonymizedNote') : '',
              })}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {t('compliance.export.folder')}
            </Typography>
            <Typography
              variant="body2"
              sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', userSelect: 'all' }}
              data-testid="export-folder"
            >
              {job.result.folder}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, mt: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
              {desktop ? (
                <Button
                  size="small"
                  startIcon={<FolderOpenOutlined />}
                  onClick={() => void call('records:show-export', { folder: job.result.folder })}
                >
                  {t('compliance.export.showInFolder')}
                </Button>
              ) : (
                <Typography variant="caption" color="text.secondary">
                  {t('compliance.export.copyHint')}
                </Typography>
              )}
              <Button
                size="small"
                startIcon={<ContentCopyOutlined />}
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(job.result.folder)
                    .then(() => notifySuccess(t('compliance.export.copied')))
                }
              >
                {t('compliance.export.copyPath')}
              </Button>
            </Box>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {t('compliance.export.files')}
            </Typography>
            {job.result.files.map((file) => (
              <Box key={file.name} sx={{ fontSize: '0.8125rem' }} data-testid="export-file">
                <Box component="span" sx={{ fontWeight: 500 }}>
                  {file.name}
                </Box>{' '}
                ({fmt.number(file.bytes)} B)
                <Box component="div" sx={{ fontFamily: 'monospace', fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
                  {file.sha256}
                </Box>
              </Box>
            ))}
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {t('compliance.export.verifyHint')}
            </Typography>
          </Alert>
        )}
      </Box>
    </SectionCard>
  );
}
