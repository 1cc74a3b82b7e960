import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import type { PreparationItemView, PreparationJobView } from '../../../../../app/contract';
import { call } from '../../../api/call';
import { useLlmStatus } from '../../../api/use-llm-status';
import { getBridge } from '../../../bridge/bridge';
import { SectionCard } from '../../../components/SectionCard';
import { useI18n } from '../../../i18n/use-i18n';
import { useNotify } from '../../../notify/notify-context';
import { hrefFor } from '../../../routing/routes';

interface Props {
  job: PreparationJobView;
  onAct(action: 'pause' | 'resume' | 'cancel'): void;
  onDismiss(): void;
}

const STATUS_COLOR = { waiting: 'default', working: 'info', done: 'success', failed: 'error' } as const;

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Which engine writes (or wrote) the drafts: the model named, or templates because no model is loaded. */
function EngineLine({ job }: { job: PreparationJobView }) {
  const { t } = useI18n();
  const llm = useLlmStatus();
  let text: string;
  if (job.engine?.kind === 'model') text = t('prepare.engine.model', { file: job.engine.file });
  else if (job.engine?.kind === 'template') text = t('prepare.engine.template');
  else if (llm?.state === 'loaded' && llm.path) text = t('prepare.engine.next.model', { file: fileName(llm.path) });
  else text = t('prepare.engine.next.template');
  return (
    <Typography variant="body2" color="text.secondary" data-testid="prepare-engine">
      {text}
    </Typography>
  );
}

function ItemRow({ item }: { item: PreparationItemView }) {
  const { t, fmt } = useI18n();
  const drafted = item.drafts.filter((d) => d.version !== null).length;
  const firstDraft = item.drafts.find((d) => d.version !== null);
  return (
    <TableRow data-testid="prepare-item" data-status={item.status} data-client-id={item.clientId}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.startsAt ? fmt.time(item.startsAt) : ''}</TableCell>
      <TableCell>
        <Link href={hrefFor({ name: 'client', id: item.clientId })} underline="hover">
          {item.clientName}
        </Link>
      </TableCell>
      <TableCell sx={{ minWidth: 160 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Chip
            size="small"
            color={STATUS_COLOR[item.status]}
            label={t(`prepare.item.${item.status}`)}
            data-testid="prepare-item-status"
          />
          <LinearProgress
            variant="determinate"
            value={item.stepsTotal === 0 ? 0 : (item.stepsDone / item.stepsTotal) * 100}
            sx={{ flexGrow: 1, minWidth: 60 }}
            aria-label={item.clientName}
          />
        </Box>
        {item.error && (
          <Typography variant="caption" color="error">
            {item.error}
          </Typography>
        )}
      </TableCell>
      <TableCell data-testid="prepare-item-drafts">
        {item.draftsWanted === 0 ? (
          t('prepare.item.noSuitable')
        ) : firstDraft ? (
          <Link href={hrefFor({ name: 'pitch', clientId: item.clientId, productId: firstDraft.productId })}>
            {t('prepare.item.drafts', { done: drafted, wanted: item.draftsWanted ?? 0 })}
          </Link>
        ) : (
          t('prepare.item.drafts', { done: drafted, wanted: item.draftsWanted ?? '–' })
        )}
      </TableCell>
      <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem' }} data-testid="prepare-item-pack">
        {item.packFile ?? ''}
      </TableCell>
    </TableRow>
  );
}

/** A preparation job's progress: overall and per client, with pause, resume and cancel, the engine and the folder. */
export function PreparationPanel({ job, onAct, onDismiss }: Props) {
  const { t } = useI18n();
  const { notifySuccess } = useNotify();
  const finished = job.state === 'completed' || job.state === 'cancelled';
  const desktop = (() => {
    try {
      return getBridge().mode === 'electron';
    } catch {
      return false;
    }
  })();
  const share = job.total === 0 ? 0 : ((job.done + job.failed) / job.total) * 100;
  return (
    <SectionCard title={t('prepare.title')} testId="prepare-panel">
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, pb: 1 }} aria-live="polite">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Chip
            label={t(`prepare.state.${job.state}`)}
            color={job.state === 'completed' ? 'success' : job.state === 'cancelled' ? 'default' : 'primary'}
            data-testid="prepare-state"
          />
          <Typography variant="body2" data-testid="prepare-overall">
            {t('prepare.overall', { done: job.done, total: job.total })}
          </Typography>
          {job.failed > 0 && (
            <Typography variant="body2" color="error">
              {t('prepare.failedCount', { count: job.failed })}
            </Typography>
          )}
          <Box sx={{ flexGrow: 1 }} />
          {job.state === 'running' && (
            <Button size="small" onClick={() => onAct('pause')} data-testid="prepare-pause">
              {t('prepare.pause')}
            </Button>
          )}
          {job.state === 'paused' && (
            <Button size="small" variant="contained" onClick={() => onAct('resume')} data-testid="prepare-resume">
              {t('prepare.resume')}
            </Button>
          )}
          {!finished && (
            <Button size="small" color="inherit" onClick={() => onAct('cancel')} data-testid="prepare-cancel">
              {t('prepare.cancel')}
            </Button>
          )}
          {finished && (
            <Button size="small" onClick={onDismiss} data-testid="prepare-dismiss">
              {t('prepare.dismiss')}
            </Button>
          )}
        </Box>
        <LinearProgress
          variant="determinate"
          value={share}
          aria-label={t('prepare.overall', { done: job.done, total: job.total })}
        />
        <EngineLine job={job} />
        {job.interrupted && job.state === 'paused' && <Alert severity="info">{t('prepare.interrupted')}</Alert>}
        <Table size="small" aria-label={t('prepare.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('prepare.col.time')}</TableCell>
              <TableCell>{t('prepare.col.client')}</TableCell>
              <TableCell>{t('prepare.col.progress')}</TableCell>
              <TableCell>{t('prepare.col.drafts')}</TableCell>
              <TableCell>{t('prepare.col.pack')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {job.items.map((item) => (
              <ItemRow key={item.position} item={item} />
            ))}
          </TableBody>
        </Table>
        <Typography variant="caption" color="text.secondary">
          {t('prepare.folder')}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography
            variant="body2"
            sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', userSelect: 'all' }}
            data-testid="prepare-folder"
          >
            {job.outDir}
          </Typography>
          {desktop && (
            <Button
              size="small"
              startIcon={<FolderOpenOutlined />}
              onClick={() => void call('prepare:show-folder', { folder: job.outDir })}
              data-testid="prepare-open-folder"
            >
              {t('prepare.openFolder')}
            </Button>
          )}
          <Button
            size="small"
            startIcon={<ContentCopyOutlined />}
            onClick={() =>
              void navigator.clipboard?.writeText(job.outDir).then(() => notifySuccess(t('prepare.copied')))
            }
          >
            {t('prepare.copyPath')}
          </Button>
        </Box>
      </Box>
    </SectionCard>
  );
}
