import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { CHANNELS, type InteractionChannel, type Outcome } from '../../../../app/domain';
import { useI18n } from '../../i18n/use-i18n';

/** What the advisor confirmed: the reaction, how the client gave it, and a note. */
export interface ReactionChoice {
  outcome: Exclude<Outcome, 'pending'>;
  channel: InteractionChannel;
  note: string;
}

/** In the order an advisor thinks of them during a meeting: the hopeful answers first. */
const REACTIONS: readonly ReactionChoice['outcome'][] = ['interested', 'accepted', 'declined', 'no_response'];

/**
 * One button per possible reaction; only suitable (ranked) products ever get these. A click only chooses: a small
 * popover asks for the channel and an optional note, and nothing is stored until the advisor confirms.
 */
export function ReactionButtons({
  productName,
  busy,
  onRecord,
}: {
  productName: string;
  busy: boolean;
  onRecord(choice: ReactionChoice): void;
}) {
  const { t } = useI18n();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [outcome, setOutcome] = useState<ReactionChoice['outcome'] | null>(null);
  const [channel, setChannel] = useState<InteractionChannel>('meeting');
  const [note, setNote] = useState('');
  const close = () => {
    setAnchor(null);
    setOutcome(null);
    setNote('');
  };
  const confirm = () => {
    if (outcome) onRecord({ outcome, channel, note: note.trim() });
    close();
  };
  return (
    <>
      <ButtonGroup
        variant="outlined"
        color="inherit"
        size="small"
        disabled={busy}
        aria-label={t('reco.reactionFor', { product: productName })}
        sx={{ flexWrap: 'nowrap' }}
      >
        {REACTIONS.map((o) => (
          <Button
            key={o}
            onClick={(event) => {
              setOutcome(o);
              setAnchor(event.currentTarget);
            }}
            aria-label={t(`clientPage.reaction.label.${o}`, { product: productName })}
            aria-haspopup="dialog"
            data-testid={`reaction-${o}`}
            sx={{
              whiteSpace: 'nowrap',
              px: 1,
              color: 'text.secondary',
              borderColor: 'divider',
              '&:hover': { color: 'primary.main' },
            }}
          >
            {t(`outcome.${o}`)}
          </Button>
        ))}
      </ButtonGroup>
      <Popover
        open={anchor !== null && outcome !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': 'reaction-confirm-title' } }}
      >
        {outcome && (
          <Box
            component="form"
            sx={{ p: 2, display: 'grid', gap: 1.5, width: 340 }}
            data-testid="reaction-confirm-dialog"
            data-outcome={outcome}
            onSubmit={(event) => {
              event.preventDefault();
              confirm();
            }}
          >
            <Typography variant="subtitle2" id="reaction-confirm-title">
              {t('clientPage.reaction.title', { outcome: t(`outcome.${outcome}`), product: productName })}
            </Typography>
            <Box>
              <Typography variant="caption" color="text.secondary" component="div" id="reaction-channel-label">
                {t('clientPage.reaction.channel')}
              </Typography>
              <ToggleButtonGroup
                exclusive
                size="small"
                value={channel}
                onChange={(_, value: InteractionChannel | null) => value && setChannel(value)}
                aria-labelledby="reaction-channel-label"
                data-testid="reaction-channel"
              >
                {CHANNELS.map((c) => (
                  <ToggleButton key={c} value={c} data-testid={`reaction-channel-${c}`} sx={{ px: 1.25 }}>
                    {t(`channel.${c}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            </Box>
            <TextField
              size="small"
              label={t('clientPage.reaction.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'reaction-note' } }}
            />
            <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
              <Button onClick={close} data-testid="reaction-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="contained" autoFocus data-testid="reaction-confirm">
                {t('clientPage.reaction.confirm')}
              </Button>
            </Box>
          </Box>
        )}
      </Popover>
    </>
  );
}
