import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { explorationRateProblem } from '../../../../app/ranking/exploration';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { useI18n } from '../../i18n/use-i18n';

/** The institution's exploration rate (0 to 0.5): how often a ranking's last place shows another suitable product. */
export function ExplorationRateField({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const current = useChannelQuery('exploration:get', {});
  const set = useChannelMutation('exploration:set', { success: () => t('exploration.saved') });
  const [text, setText] = useState('');
  useEffect(() => {
    if (current.data) setText(String(current.data.rate));
  }, [current.data]);
  const rate = Number(text);
  const invalid = text.trim() === '' || explorationRateProblem(rate) !== null;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('exploration.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={t('exploration.label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={!editable || !current.data || set.isPending}
          error={invalid && text !== ''}
          helperText={invalid && text !== '' ? t('exploration.invalid') : undefined}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'exploration-rate' } }}
          sx={{ width: 180 }}
        />
        <Button
          variant="outlined"
          disabled={!editable || invalid || set.isPending || rate === current.data?.rate}
          onClick={() => set.mutate({ rate })}
          data-testid="exploration-save"
        >
          {t('exploration.save')}
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t('exploration.hint')}
      </Typography>
    </Box>
  );
}
