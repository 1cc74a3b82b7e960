import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

export interface FieldOption {
  value: string;
  label: string;
}

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Already in the current language. */
  error?: string;
  hint?: string;
  required?: boolean;
  /** Native <select> when given: keyboard friendly, dense, and driven by tests with selectOption. */
  options?: FieldOption[];
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  type?: 'text' | 'email' | 'tel';
  multiline?: boolean;
  minRows?: number;
  autoFocus?: boolean;
  gridColumn?: string;
  endAdornment?: ReactNode;
}

/** One profile field: data-testid field-<name> on the input itself and field-error-<name> on its message. */
export function FormTextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  options,
  inputMode,
  type,
  multiline,
  minRows,
  autoFocus,
  gridColumn,
}: Props) {
  const helper = error ? <span data-testid={`field-error-${name}`}>{error}</span> : hint;
  return (
    <TextField
      id={`client-field-${name}`}
      name={name}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(error)}
      helperText={helper}
      required={required}
      select={Boolean(options)}
      type={options ? undefined : (type ?? 'text')}
      multiline={multiline}
      minRows={minRows}
      autoFocus={autoFocus}
      fullWidth
      sx={gridColumn ? { gridColumn } : undefined}
      slotProps={{
        select: options ? { native: true } : undefined,
        inputLabel: options ? { shrink: true } : undefined,
        htmlInput: { 'data-testid': `field-${name}`, inputMode, 'aria-invalid': Boolean(error) },
      }}
    >
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
