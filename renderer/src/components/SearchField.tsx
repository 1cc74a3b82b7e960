import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import type { Ref } from 'react';
import { useI18n } from '../i18n/use-i18n';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  width: number;
  testId: string;
  /** The input itself, for a page that focuses its search from a keyboard shortcut. */
  inputRef?: Ref<HTMLInputElement>;
}

/** The search box of a list page: magnifier icon, native search semantics, test id on the input itself. */
export function SearchField({ value, onChange, placeholder, width, testId, inputRef }: Props) {
  const { t } = useI18n();
  return (
    <TextField
      value={value}
      onChange={(event) => onChange(event.target.value)}
      placeholder={placeholder}
      sx={{ width }}
      inputRef={inputRef}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchOutlined fontSize="small" />
            </InputAdornment>
          ),
        },
        htmlInput: { 'data-testid': testId, 'aria-label': t('common.search'), type: 'search' },
      }}
    />
  );
}
