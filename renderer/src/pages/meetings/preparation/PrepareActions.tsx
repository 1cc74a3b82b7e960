import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import { useState } from 'react';
import { useI18n } from '../../../i18n/use-i18n';

interface Props {
  /** The meetings of the day shown (scheduled ones), in order. */
  dayMeetingIds: readonly string[];
  selectedIds: readonly string[];
  /** A job is running or paused: one at a time. */
  busy: boolean;
  onPrepare(meetingIds: readonly string[], top: number): void;
}

const TOPS = [1, 2, 3, 4, 5] as const;

/** "Prepare N meetings" for a selection and "Prepare the day", with how many drafts per client. */
export function PrepareActions({ dayMeetingIds, selectedIds, busy, onPrepare }: Props) {
  const { t } = useI18n();
  const [top, setTop] = useState(3);
  return (
    <>
      <TextField
        select
        size="small"
        label={t('prepare.top')}
        value={top}
        onChange={(event) => setTop(Number(event.target.value))}
        sx={{ width: 150 }}
        slotProps={{ htmlInput: { 'data-testid': 'prepare-top' } }}
      >
        {TOPS.map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
      {selectedIds.length > 0 && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => onPrepare(selectedIds, top)}
          data-testid="prepare-selected"
        >
          {t('prepare.selected', { count: selectedIds.length })}
        </Button>
      )}
      <Tooltip title={t('prepare.help')}>
        <span>
          <Button
            variant="contained"
            startIcon={<PlaylistAddCheckOutlined />}
            disabled={busy || dayMeetingIds.length === 0}
            onClick={() => onPrepare(dayMeetingIds, top)}
            data-testid="prepare-day"
          >
            {t('prepare.day')}
          </Button>
        </span>
      </Tooltip>
    </>
  );
}
