import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Meeting } from '../../../../app/domain';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { placeLabel, purposeLabel } from '../meetings/meeting-labels';

export function ClientMeetingsTable({ meetings }: { meetings: Meeting[] }) {
  const { t, fmt } = useI18n();
  const now = new Date().toISOString();
  const upcoming = meetings
    .filter((m) => m.startsAt >= now && m.status === 'scheduled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <SectionCard title={`${t('client.card.meetings')} (${upcoming.length})`} flush testId="card-meetings">
      {upcoming.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('client.meetings.empty')}
        </Typography>
      ) : (
        <Table aria-label={t('client.card.meetings')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('client.col.when')}</TableCell>
              <TableCell>{t('client.col.duration')}</TableCell>
              <TableCell>{t('client.col.location')}</TableCell>
              <TableCell>{t('client.col.purpose')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {upcoming.map((m) => (
              <TableRow key={m.id} hover data-testid="client-meeting-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(m.startsAt)}</TableCell>
                <TableCell>{t('common.minutes', { n: m.durationMinutes })}</TableCell>
                <TableCell>{placeLabel(t, m)}</TableCell>
                <TableCell>{purposeLabel(t, m)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
