import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Meeting } from '../../../../app/domain';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useI18n } from '../../i18n/use-i18n';

/** Asks before cancelling: the meeting stays in the agenda, marked cancelled, and the trail records who did it. */
export function CancelMeetingDialog({ meeting, onClose }: { meeting: Meeting; onClose(): void }) {
  const { t, fmt } = useI18n();
  const cancel = useChannelMutation('meetings:cancel', { success: () => t('agenda.notice.cancelled') });
  return (
    <Dialog open onClose={cancel.isPending ? undefined : onClose} maxWidth="xs" fullWidth data-testid="cancel-meeting">
      <DialogTitle>{t('agenda.cancelDialog.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('agenda.cancelDialog.body', {
            client: `${meeting.clientName} (${meeting.clientId})`,
            when: fmt.dateTime(meeting.startsAt),
          })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={cancel.isPending} data-testid="cancel-meeting-keep">
          {t('agenda.cancelDialog.keep')}
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate({ id: meeting.id }, { onSuccess: onClose })}
          data-testid="cancel-meeting-confirm"
        >
          {t('agenda.cancelDialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
