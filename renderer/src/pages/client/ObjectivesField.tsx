import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { OBJECTIVES, type Objective } from '../../../../app/domain';
import { useI18n } from '../../i18n/use-i18n';
import { inputTestId } from '../../components/input-test-id';

interface Props {
  value: Objective[];
  onChange(value: Objective[]): void;
  error?: string;
}

/** The client's objectives as checkboxes, kept in the catalogue's order whatever order they were ticked in. */
export function ObjectivesField({ value, onChange, error }: Props) {
  const { t } = useI18n();
  const toggle = (objective: Objective, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(objective);
    else next.delete(objective);
    onChange(OBJECTIVES.filter((o) => next.has(o)));
  };
  return (
    <FormControl
      component="fieldset"
      error={Boolean(error)}
      sx={{ gridColumn: '1 / -1' }}
      data-testid="field-objectives"
    >
      <FormLabel component="legend" sx={{ fontSize: '0.8rem' }}>
        {t('field.objectives')}
      </FormLabel>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' }}>
        {OBJECTIVES.map((objective) => (
          <FormControlLabel
            key={objective}
            label={t(`objective.${objective}`)}
            control={
              <Checkbox
                size="small"
                checked={value.includes(objective)}
                onChange={(event) => toggle(objective, event.target.checked)}
                slotProps={{ input: inputTestId(`field-objectives-${objective}`) }}
              />
            }
          />
        ))}
      </Box>
      {error && <FormHelperText data-testid="field-error-objectives">{error}</FormHelperText>}
    </FormControl>
  );
}
