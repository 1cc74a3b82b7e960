import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import type { ClientRanking } from '../../../../app/contract';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useI18n } from '../../i18n/use-i18n';

/** The reaction just recorded, which the advisor can take back for a few minutes. */
export interface UndoableReaction {
  interactionId: string;
  outcome: string;
  product: string;
}

/**
 * Under the ranking's title: "Mark as presented" for the ranking on screen (an advice record of it), and the last
 * recorded reaction with Undo.
 */
export function RankingRecordBar({
  ranking,
  undoable,
  onUndone,
}: {
  ranking: ClientRanking | undefined;
  undoable: UndoableReaction | null;
  onUndone(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [presented, setPresented] = useState<string | null>(null);
  const present = useChannelMutation('records:present-ranking', {
    success: (made) => t('records.present.saved', { id: made.id }),
  });
  const undo = useChannelMutation('outcomes:undo', {
    success: (answer) => (answer.modelReverted ? t('reco.undo.done') : t('reco.undo.doneKept')),
  });
  const impressionId = ranking?.impressionId ?? null;
  const done = impressionId !== null && presented === impressionId;
  if (!ranking || impressionId === null) return null;
  return (
    <Box sx={{ px: 2, pb: 1, display: 'grid', gap: 1 }}>
      {undoable && (
        <Alert
          severity="success"
          variant="outlined"
          data-testid="reaction-undo-bar"
          action={
            <Button
              color="inherit"
              size="small"
              disabled={undo.isPending}
              data-testid="reaction-undo"
              onClick={() => undo.mutate({ interactionId: undoable.interactionId }, { onSuccess: onUndone })}
            >
              {t('reco.undo')}
            </Button>
          }
        >
          {t('reco.undo.recorded', { outcome: undoable.outcome, product: undoable.product })}
        </Alert>
      )}
      <Box>
        <Button
          size="small"
          variant="outlined"
          startIcon={<AssignmentTurnedInOutlined />}
          disabled={done || ranking.ranked.length === 0}
          onClick={() => setAsking(true)}
          data-testid="present-ranking"
        >
          {done ? t('records.present.done') : t('records.present')}
        </Button>
      </Box>
      <Dialog
        open={asking}
        onClose={present.isPending ? undefined : () => setAsking(false)}
        maxWidth="sm"
        fullWidth
        data-testid="present-dialog"
      >
        <DialogTitle>{t('records.present.title')}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText>
            {t('records.present.body', { recommended: ranking.ranked.length, rejected: ranking.excluded.length })}
          </DialogContentText>
          <TextField
            label={t('records.present.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'present-note' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(false)} disabled={present.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="contained"
            disabled={present.isPending}
            data-testid="present-confirm"
            onClick={() =>
              present.mutate(
                { impressionId, note },
                {
                  onSuccess: () => {
                    setPresented(impressionId);
                    setAsking(false);
                    setNote('');
                  },
                },
              )
            }
          >
            {t('records.present.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
