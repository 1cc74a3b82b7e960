import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useChannelQuery } from '../../api/use-channel-query';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';

/** The client's advice records, newest first: each approval of a pitch, frozen with its hash. */
export function AdviceRecordsTable({ clientId }: { clientId: string }) {
  const { t, fmt, pickPair } = useI18n();
  const records = useChannelQuery('records:for-client', { clientId }).data ?? [];
  const { nameOf } = useCurrentUser();
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
              <TableCell>{t('client.records.product')}</TableCell>
              <TableCell>{t('client.records.advisor')}</TableCell>
              <TableCell>{t('client.records.approver')}</TableCell>
              <TableCell>{t('client.records.hash')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id} hover data-testid="advice-record-row" data-record-id={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</TableCell>
                <TableCell>{pickPair(r.productNameEn, r.productNameZh)}</TableCell>
                <TableCell>{nameOf(r.advisor)}</TableCell>
                <TableCell data-testid="advice-record-approver">{r.approver ? nameOf(r.approver) : '—'}</TableCell>
                <TableCell>
                  <Tooltip title={r.contentHash}>
                    <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                      {r.contentHash.slice(0, 12)}
                    </Typography>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
