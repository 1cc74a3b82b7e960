import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  MEETING_PLACES,
  MEETING_PURPOSES,
  type Meeting,
  type MeetingPlace,
  type MeetingPurpose,
} from '../../../../app/domain';
import { localDate, zonedInstant } from '../../../../app/meetings/day-range';
import { isBackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useI18n } from '../../i18n/use-i18n';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { minutesOf, todayIn, wallClockTime } from './agenda-period';

const DURATIONS = [15, 30, 45, 60, 90, 120];
/** The fields whose refusals the form shows in place. */
const SHOWN_AT = ['startsAt', 'durationMinutes', 'clientId', 'advisorId'];

/** A new meeting starts at 10:00, or today at the next half hour still to come. */
function firstFreeTime(isToday: boolean, timeZone: string): string {
  if (!isToday) return '10:00';
  const [hours, minutes] = wallClockTime(new Date().toISOString(), timeZone).split(':').map(Number);
  const next = Math.min(23 * 60 + 30, Math.ceil((hours! * 60 + minutes! + 1) / 30) * 30);
  return `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
}

interface Props {
  /** The meeting to move; a new meeting without one. */
  moving: Meeting | null;
  /** The day the form starts on (the agenda's shown day) and the advisor's zone. */
  day: string;
  timeZone: string;
  onClose(): void;
}

/** Books a meeting, or moves one to a new date and time; the date and time are read in the advisor's zone. */
export function MeetingFormDialog({ moving, day, timeZone, onClose }: Props) {
  const { t } = useI18n();
  const [client, setClient] = useState<PickedClient | null>(null);
  const [date, setDate] = useState(moving ? localDate(moving.startsAt, timeZone) : day);
  const today = todayIn(timeZone);
  const [time, setTime] = useState(() =>
    moving ? wallClockTime(moving.startsAt, timeZone) : firstFreeTime(day === today, timeZone),
  );
  const [duration, setDuration] = useState(moving?.durationMinutes ?? 60);
  const [place, setPlace] = useState<MeetingPlace>('branch');
  const [placeNote, setPlaceNote] = useState('');
  const [purpose, setPurpose] = useState<MeetingPurpose>('annual-review');
  const [purposeNote, setPurposeNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // Refusals with a field go beside it; anything else goes to the snackbar.
  const atField = (error: unknown) => {
    if (isBackendError(error) && error.issues.length > 0 && error.issues.every((i) => SHOWN_AT.includes(i.field))) {
      setFieldErrors(Object.fromEntries(error.issues.map((i) => [i.field, t(i.message)])));
      return false;
    }
    return true;
  };
  const create = useChannelMutation('meetings:create', {
    success: () => t('agenda.notice.created'),
    reportErrors: atField,
  });
  const move = useChannelMutation('meetings:move', { success: () => t('agenda.notice.moved'), reportErrors: atField });
  const busy = create.isPending || move.isPending;

  const submit = () => {
    setFieldErrors({});
    const minutes = minutesOf(time);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || minutes === null) {
      setFieldErrors({ startsAt: t('agenda.error.past') });
      return;
    }
    const startsAt = zonedInstant(date, minutes, timeZone).toISOString();
    if (moving) {
      move.mutate({ id: moving.id, startsAt, durationMinutes: duration }, { onSuccess: onClose });
      return;
    }
    if (!client) {
      setFieldErrors({ clientId: t('agenda.error.noClient') });
      return;
    }
    create.mutate(
      {
        clientId: client.id,
        startsAt,
        durationMinutes: duration,
        location: place,
        locationNote: placeNote,
        purpose,
        purposeNote,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="meeting-form">
      <DialogTitle>
        {moving ? t('agenda.moveDialog.title', { client: moving.clientName }) : t('agenda.form.title')}
      </DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 2, pt: 1 }}>
          <Box sx={{ gridColumn: '1 / -1' }}>
            {moving ? (
              <Typography>
                {moving.clientName} ({moving.clientId})
              </Typography>
            ) : (
              <ClientPicker value={client} onChange={setClient} error={fieldErrors.clientId} />
            )}
          </Box>
          <TextField
            type="date"
            label={t('agenda.form.date')}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'meeting-form-date', min: today } }}
            error={fieldErrors.startsAt !== undefined}
          />
          <TextField
            type="time"
            label={t('agenda.form.time')}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'meeting-form-time', step: 300 } }}
            error={fieldErrors.startsAt !== undefined}
          />
          <TextField
            select
            label={t('agenda.form.duration')}
            value={duration}
            onChange={(e) => setDuration(Number(e.target.value))}
            slotProps={{ htmlInput: { 'data-testid': 'meeting-form-duration' } }}
            error={fieldErrors.durationMinutes !== undefined}
            helperText={fieldErrors.durationMinutes}
          >
            {DURATIONS.map((d) => (
              <MenuItem key={d} value={d}>
                {t('common.minutes', { n: d })}
              </MenuItem>
            ))}
          </TextField>
          <Typography
            variant="caption"
            color={fieldErrors.startsAt ? 'error' : 'text.secondary'}
            sx={{ gridColumn: '1 / -1', mt: -1 }}
            data-testid="meeting-form-time-note"
          >
            {fieldErrors.startsAt ?? t('agenda.form.zone', { zone: timeZone })}
          </Typography>
          {!moving && (
            <>
              <TextField
                select
                label={t('agenda.form.place')}
                value={place}
                onChange={(e) => setPlace(e.target.value as MeetingPlace)}
                slotProps={{ htmlInput: { 'data-testid': 'meeting-form-place' } }}
              >
                {MEETING_PLACES.map((p) => (
                  <MenuItem key={p} value={p}>
                    {t(`agenda.place.${p}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                sx={{ gridColumn: 'span 2' }}
                label={t('agenda.form.placeNote')}
                value={placeNote}
                onChange={(e) => setPlaceNote(e.target.value)}
                slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'meeting-form-place-note' } }}
              />
              <TextField
                select
                label={t('agenda.form.purpose')}
                value={purpose}
                onChange={(e) => setPurpose(e.target.value as MeetingPurpose)}
                slotProps={{ htmlInput: { 'data-testid': 'meeting-form-purpose' } }}
              >
                {MEETING_PURPOSES.map((p) => (
                  <MenuItem key={p} value={p}>
                    {t(`agenda.purpose.${p}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                sx={{ gridColumn: 'span 2' }}
                label={t('agenda.form.purposeNote')}
                value={purposeNote}
                onChange={(e) => setPurposeNote(e.target.value)}
                slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'meeting-form-purpose-note' } }}
              />
            </>
          )}
          {fieldErrors.advisorId && (
            <Typography color="error" sx={{ gridColumn: '1 / -1' }}>
              {fieldErrors.advisorId}
            </Typography>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy} data-testid="meeting-form-save">
          {moving ? t('agenda.moveDialog.save') : t('agenda.form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
