import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { AdviceRecordSummary } from '../../../../app/contract/record-channels';
import { useChannelQuery } from '../../api/use-channel-query';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { CorrectionDialog } from './CorrectionDialog';

/** The client's advice records, newest first: approvals, presented rankings and corrections, frozen with a hash. */
export function AdviceRecordsTable({ clientId }: { clientId: string }) {
  const { t, fmt, pickPair } = useI18n();
  const records = useChannelQuery('records:for-client', { clientId }).data ?? [];
  const [correcting, setCorrecting] = useState<AdviceRecordSummary | null>(null);
  const subject = (r: AdviceRecordSummary) => {
    if (r.kind === 'correction') return t('records.corrects', { id: r.correctsId ?? '' });
    if (r.productNameEn !== null && r.productNameZh !== null) return pickPair(r.productNameEn, r.productNameZh);
    return t('records.products', { count: r.recommendedCount });
  };
  return (
    <SectionCard title={`${t('client.card.records')} (${records.length})`} flush testId="card-records">
      {records.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('client.records.empty')}
        </Typography>
      ) : (
        <Table aria-label={t('client.card.records')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('client.col.when')}</TableCell>
              <TableCell>{t('records.col.kind')}</TableCell>
              <TableCell>{t('records.col.subject')}</TableCell>
              <TableCell>{t('client.records.advisor')}</TableCell>
              <TableCell>{t('client.records.approver')}</TableCell>
              <TableCell>{t('client.records.hash')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id} hover data-testid="advice-record-row" data-record-id={r.id} data-kind={r.kind}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t(`records.kind.${r.kind}` as 'records.kind.pitch-approved')}
                  {r.correctedBy.length > 0 && (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      sx={{ ml: 1 }}
                      label={t('records.correctedBy', { ids: r.correctedBy.join(', ') })}
                      data-testid="record-corrected"
                    />
                  )}
                </TableCell>
                <TableCell>{subject(r)}</TableCell>
                <TableCell>{r.advisor}</TableCell>
                <TableCell>{r.approver ?? '—'}</TableCell>
                <TableCell>
                  <Tooltip title={r.contentHash}>
                    <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                      {r.contentHash.slice(0, 12)}
                    </Typography>
                  </Tooltip>
                </TableCell>
                <TableCell align="right">
                  {r.kind !== 'correction' && (
                    <Button size="small" onClick={() => setCorrecting(r)} data-testid="record-correct">
                      {t('records.correct')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {correcting && <CorrectionDialog record={correcting} onClose={() => setCorrecting(null)} />}
    </SectionCard>
  );
}
