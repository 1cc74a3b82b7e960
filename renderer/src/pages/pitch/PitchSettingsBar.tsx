import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { PITCH_LENGTHS, PITCH_TONES, type PitchLength, type PitchTone } from '../../../../app/pitch/pitch-types';
import type { Language } from '../../../../app/domain';
import { useI18n } from '../../i18n/use-i18n';
import { useShortcut } from '../../shortcuts/use-shortcut';

export interface PitchChoice {
  language: Language;
  tone: PitchTone;
  length: PitchLength;
}

const LANGUAGES: Language[] = ['en', 'zh-CN'];

interface Props {
  choice: PitchChoice;
  running: boolean;
  starting: boolean;
  hasDraft: boolean;
  modelLoaded: boolean | null;
  onChange(choice: PitchChoice): void;
  onDraft(): void;
  onStop(): void;
}

/** What the advisor chooses before drafting (language, tone, length), and Draft or Stop. */
export function PitchSettingsBar({
  choice,
  running,
  starting,
  hasDraft,
  modelLoaded,
  onChange,
  onDraft,
  onStop,
}: Props) {
  const { t } = useI18n();
  useShortcut('draft', onDraft, !running && !starting);
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('pitch.settings.language')}
          value={choice.language}
          onChange={(e) => onChange({ ...choice, language: e.target.value as Language })}
          disabled={running}
          sx={{ minWidth: 150 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pitch-language' } as object } }}
        >
          {LANGUAGES.map((l) => (
            <MenuItem key={l} value={l} lang={l} data-testid={`pitch-language-${l}`}>
              {t(`pitch.language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('pitch.settings.tone')}
          value={choice.tone}
          onChange={(e) => onChange({ ...choice, tone: e.target.value as PitchTone })}
          disabled={running}
          sx={{ minWidth: 130 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pitch-tone' } as object } }}
        >
          {PITCH_TONES.map((tone) => (
            <MenuItem key={tone} value={tone} data-testid={`pitch-tone-${tone}`}>
              {t(`pitch.tone.${tone}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('pitch.settings.length')}
          value={choice.length}
          onChange={(e) => onChange({ ...choice, length: e.target.value as PitchLength })}
          disabled={running}
          sx={{ minWidth: 130 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pitch-length' } as object } }}
        >
          {PITCH_LENGTHS.map((length) => (
            <MenuItem key={length} value={length} data-testid={`pitch-length-${length}`}>
              {t(`pitch.length.${length}`)}
            </MenuItem>
          ))}
        </TextField>
        {running ? (
          <Button
            variant="outlined"
            color="error"
            startIcon={<StopCircleOutlined />}
            onClick={onStop}
            data-testid="pitch-stop"
          >
            {t('pitch.stop')}
          </Button>
        ) : (
          <Button
            variant="contained"
            startIcon={starting ? <CircularProgress size={16} color="inherit" /> : <EditNoteOutlined />}
            onClick={onDraft}
            disabled={starting}
            data-testid="pitch-draft"
          >
            {hasDraft ? t('pitch.draftAgain') : t('pitch.draft')}
          </Button>
        )}
      </Box>
      {modelLoaded === false && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          sx={{ mt: 0.75 }}
          data-testid="pitch-no-model-hint"
        >
          {t('pitch.noModelHint')}
        </Typography>
      )}
    </Box>
  );
}
