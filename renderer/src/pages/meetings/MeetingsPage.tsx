import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';
import { PrepareControls } from './preparation/PrepareControls';
import { PreparationProgress } from './preparation/PreparationProgress';

const MEETING_LIMIT = 200;

export function MeetingsPage() {
  const { t, fmt } = useI18n();
  const meetings = useChannelQuery('meetings:upcoming', { limit: MEETING_LIMIT });
  const rows = meetings.data ?? [];
  const today = localToday();

  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('meetings.title')}
        actions={
          <PrepareControls
            dayMeetingIds={rows.filter((m) => localToday(new Date(m.startsAt)) === today).map((m) => m.id)}
            selectedIds={[]}
          />
        }
      />
      <PreparationProgress />
      <TableContainer component={Paper} variant="outlined">
        {meetings.isFetching && <LinearProgress />}
        {!meetings.data && !meetings.isFetching && meetings.error !== null && (
          <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} />
        )}
        <Table aria-label={t('meetings.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('meetings.col.when')}</TableCell>
              <TableCell>{t('meetings.col.client')}</TableCell>
              <TableCell align="right">{t('meetings.col.duration')}</TableCell>
              <TableCell>{t('meetings.col.location')}</TableCell>
              <TableCell>{t('meetings.col.purpose')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((m) => {
              const isToday = localToday(new Date(m.startsAt)) === today;
              return (
                <TableRow key={m.id} hover data-testid="meeting-row" data-meeting-id={m.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {isToday ? (
                      <>
                        <Chip label={t('meetings.today')} color="primary" sx={{ mr: 1 }} />
                        {fmt.time(m.startsAt)}
                      </>
                    ) : (
                      fmt.dateTime(m.startsAt)
                    )}
                  </TableCell>
                  <TableCell>
                    <Link
                      href={hrefFor({ name: 'client', id: m.clientId })}
                      underline="hover"
                      data-testid="meeting-client"
                      sx={{ fontWeight: 500 }}
                    >
                      {m.clientName}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{t('common.minutes', { n: m.durationMinutes })}</TableCell>
                  <TableCell>{m.location}</TableCell>
                  <TableCell>{m.purpose}</TableCell>
                </TableRow>
              );
            })}
            {meetings.data && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>
                  <Typography color="text.secondary" sx={{ textAlign: 'center', py: 2 }}>
                    {t('meetings.empty')}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
