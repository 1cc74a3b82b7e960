import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';
import { pickBilingualMessage } from './llm-labels';

/** Brings a .gguf file the advisor already has into the models folder, by its path (browser mode has no file dialog). */
export function ImportModelCard() {
  const { t, language } = useI18n();
  const [path, setPath] = useState('');
  const [link, setLink] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refusal is said under the path field, where the advisor fixes it.
  const importing = useChannelMutation('llm:import', {
    success: (file) => t('llm.import.done', { file: file.fileName }),
    reportErrors: false,
    invalidates: ['llm:models'],
  });
  const busy = importing.isPending;

  const submit = () => {
    const trimmed = path.trim();
    if (!trimmed) {
      setError(t('llm.import.required'));
      return;
    }
    setError(null);
    importing.mutate(
      { path: trimmed, mode: link ? 'link' : 'copy' },
      { onSuccess: () => setPath(''), onError: (e) => setError(describeError(e)) },
    );
  };

  return (
    <SectionCard title={t('llm.import.title')} testId="llm-import">
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          size="small"
          label={t('llm.import.path')}
          value={path}
          onChange={(event) => setPath(event.target.value)}
          error={error !== null}
          helperText={error === null ? ' ' : pickBilingualMessage(error, language)}
          sx={{ flexGrow: 1, minWidth: 280 }}
          slotProps={{ htmlInput: { 'data-testid': 'llm-import-path', spellCheck: false }, formHelperText: { 'data-testid': 'llm-import-error' } as object }}
        />
        <FormControlLabel control={<Checkbox checked={link} onChange={(event) => setLink(event.target.checked)} size="small" />} label={t('llm.import.link')} />
        <Button type="submit" variant="outlined" disabled={busy} startIcon={busy ? <CircularProgress size={14} /> : undefined} data-testid="llm-import-submit">
          {t('llm.import.submit')}
        </Button>
      </Box>
    </SectionCard>
  );
}
