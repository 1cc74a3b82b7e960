import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { inputTestId } from '../../components/input-test-id';

interface Props {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
}

export function FormCheckbox({ name, label, checked, onChange, error }: Props) {
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            slotProps={{ input: inputTestId(`field-${name}`) }}
          />
        }
        label={label}
      />
      {error && (
        <FormHelperText error data-testid={`field-error-${name}`}>
          {error}
        </FormHelperText>
      )}
    </Box>
  );
}
