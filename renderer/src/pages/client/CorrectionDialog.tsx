import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { AdviceRecordSummary } from '../../../../app/contract/record-channels';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useI18n } from '../../i18n/use-i18n';

interface Change {
  field: string;
  was: string;
  now: string;
}

const EMPTY: Change = { field: '', was: '', now: '' };

/** A correction of one record: why, and each statement put right. The backend says what is missing. */
export function CorrectionDialog({ record, onClose }: { record: AdviceRecordSummary; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState<Change[]>([EMPTY]);
  const save = useChannelMutation('records:correct', {
    success: (made) => t('records.correct.saved', { id: made.id }),
  });
  const edit = (index: number, patch: Partial<Change>) =>
    setChanges((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="md" fullWidth data-testid="correction-dialog">
      <DialogTitle>{t('records.correct.title', { id: record.id })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText>{t('records.correct.intro')}</DialogContentText>
        <TextField
          label={t('records.correct.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          required
          slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'correction-reason' } }}
        />
        {changes.map((c, i) => (
          <Box
            key={i}
            sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr 2fr', gap: 1 }}
            data-testid="correction-row"
          >
            <TextField
              size="small"
              label={t('records.correct.field')}
              value={c.field}
              onChange={(e) => edit(i, { field: e.target.value })}
              slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'correction-field' } }}
            />
            <TextField
              size="small"
              label={t('records.correct.was')}
              value={c.was}
              onChange={(e) => edit(i, { was: e.target.value })}
              slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'correction-was' } }}
            />
            <TextField
              size="small"
              label={t('records.correct.now')}
              value={c.now}
              onChange={(e) => edit(i, { now: e.target.value })}
              slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'correction-now' } }}
            />
          </Box>
        ))}
        <Box>
          <Button size="small" disabled={changes.length >= 20} onClick={() => setChanges((list) => [...list, EMPTY])}>
            {t('records.correct.addChange')}
          </Button>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          disabled={save.isPending}
          data-testid="correction-save"
          onClick={() => save.mutate({ id: record.id, reason, changes }, { onSuccess: onClose })}
        >
          {t('records.correct.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
