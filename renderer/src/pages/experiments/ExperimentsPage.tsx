import { useState } from 'react';
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
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { ExperimentView } from '../../../../app/contract/experiment-channels';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';
import { useCurrentUser } from '../../users/current-user-context';
import { DefineExperimentDialog } from './DefineExperimentDialog';
import { ExperimentStatusActions } from './ExperimentStatusActions';
import { percentOf } from './experiment-labels';

export function StatusChip({ status }: { status: ExperimentView['status'] }) {
  const { t } = useI18n();
  const color = status === 'running' ? 'success' : status === 'draft' ? 'default' : 'info';
  return (
    <Chip size="small" color={color} label={t(`experiments.status.${status}`)} data-testid={`experiment-status`} />
  );
}

/** Every experiment with its status; a team lead (administrator) defines, starts and stops them here. */
export function ExperimentsPage() {
  const { t, fmt } = useI18n();
  const { has } = useCurrentUser();
  const list = useChannelQuery('experiments:list', {}, { reportErrors: false });
  const [defining, setDefining] = useState(false);
  const canManage = has('administrator');
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('experiments.title')}
        titleTestId="experiments-title"
        subtitle={<Typography variant="body2">{t('experiments.subtitle')}</Typography>}
        actions={
          canManage && (
            <Button
              variant="contained"
              startIcon={<AddOutlined />}
              onClick={() => setDefining(true)}
              data-testid="experiment-define"
            >
              {t('experiments.define')}
            </Button>
          )
        }
      />
      <SectionCard title={t('experiments.title')} flush>
        {list.isPending && <LinearProgress />}
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('experiments.none')}
          </Typography>
        )}
        {list.data && list.data.length > 0 && (
          <Table size="small" data-testid="experiments-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('experiments.col.name')}</TableCell>
                <TableCell>{t('experiments.col.kind')}</TableCell>
                <TableCell>{t('experiments.col.status')}</TableCell>
                <TableCell>{t('experiments.col.arms')}</TableCell>
                <TableCell>{t('experiments.col.planned')}</TableCell>
                <TableCell align="right">{t('experiments.col.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((e) => (
                <TableRow key={e.id} data-testid={`experiment-row-${e.id}`}>
                  <TableCell>
                    <Link href={hrefFor({ name: 'experiment', id: e.id })}>{e.name}</Link>
                  </TableCell>
                  <TableCell>{t(`experiments.kind.${e.kind}`)}</TableCell>
                  <TableCell>
                    <StatusChip status={e.status} />
                  </TableCell>
                  <TableCell>
                    {e.arms
                      .map((a) => t('experiments.armShare', { arm: a.id, share: percentOf(fmt, a.share) }))
                      .join(' · ')}
                  </TableCell>
                  <TableCell>
                    {t('experiments.plannedRange', { from: fmt.date(e.plannedStart), to: fmt.date(e.plannedStop) })}
                  </TableCell>
                  <TableCell align="right">
                    <Box sx={{ display: 'inline-flex', gap: 1 }}>
                      {canManage && <ExperimentStatusActions experiment={e} />}
                      <Button size="small" href={hrefFor({ name: 'experiment', id: e.id })}>
                        {t('experiments.open')}
                      </Button>
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>
      {defining && <DefineExperimentDialog onClose={() => setDefining(false)} />}
    </Box>
  );
}
