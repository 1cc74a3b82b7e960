import Box from '@mui/material/Box';
import { localDate } from '../../../../../app/meetings/day-range';
import { AgendaPage } from '../AgendaPage';
import { PrepareControls, PrepareMeetingButton } from './PrepareControls';
import { PreparationProgress } from './PreparationProgress';

/** The agenda with batch preparation: prepare the day, a selection or one meeting, and the job's progress below. */
export function PreparedAgendaPage() {
  return (
    <>
      <AgendaPage
        actions={(agenda) => (
          <PrepareControls
            dayMeetingIds={agenda.meetings
              .filter((m) => m.status === 'scheduled' && localDate(m.startsAt, agenda.timeZone) === agenda.day)
              .map((m) => m.id)}
            selectedIds={agenda.selectedIds}
            onStarted={agenda.clearSelection}
          />
        )}
        rowActions={(meeting) =>
          meeting.status === 'scheduled' ? <PrepareMeetingButton meetingId={meeting.id} /> : null
        }
      />
      <Box sx={{ px: 2, pb: 2 }}>
        <PreparationProgress />
      </Box>
    </>
  );
}
