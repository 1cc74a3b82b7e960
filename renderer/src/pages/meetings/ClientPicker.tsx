import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useChannelQuery } from '../../api/use-channel-query';
import { useDebounced } from '../../api/use-debounced';
import { useI18n } from '../../i18n/use-i18n';

export interface PickedClient {
  id: string;
  displayName: string;
}

/** Finds a client by name or id as the advisor types; names repeat, so each option carries its client id. */
export function ClientPicker({
  value,
  onChange,
  error,
}: {
  value: PickedClient | null;
  onChange(client: PickedClient | null): void;
  error?: string;
}) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const search = useDebounced(input, 200);
  const found = useChannelQuery('clients:list', { search, limit: 25 });
  const options: PickedClient[] = (found.data?.rows ?? []).map((c) => ({ id: c.id, displayName: c.displayName }));
  return (
    <Autocomplete
      options={options}
      value={value}
      onChange={(_event, client) => onChange(client)}
      inputValue={input}
      onInputChange={(_event, text) => setInput(text)}
      filterOptions={(x) => x}
      loading={found.isFetching}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(c) => `${c.displayName} (${c.id})`}
      noOptionsText={t('agenda.form.noClients')}
      renderInput={(params) => (
        <TextField
          {...params}
          required
          label={t('agenda.form.client')}
          helperText={error ?? t('agenda.form.clientHint')}
          error={error !== undefined}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'meeting-form-client' },
          }}
        />
      )}
    />
  );
}
