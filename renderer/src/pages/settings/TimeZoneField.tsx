import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { systemTimeZone } from '../../../../app/meetings/day-range';
import { useI18n } from '../../i18n/use-i18n';
import { useSettings } from '../../settings/settings-context';

/** Every zone the runtime knows, searchable by any part of its name ("shang", "London", "New_York"). */
function knownZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function TimeZoneField() {
  const { t } = useI18n();
  const { settings, updateSettings } = useSettings();
  const zones = useMemo(knownZones, []);
  const system = systemTimeZone();
  return (
    <>
      <Autocomplete
        options={zones}
        value={settings.timeZone}
        disableClearable
        autoHighlight
        size="small"
        sx={{ width: 300 }}
        onChange={(_event, zone) => updateSettings({ timeZone: zone })}
        filterOptions={(options, state) => {
          const needle = state.inputValue.trim().toLowerCase().replace(/\s+/g, '_');
          return needle ? options.filter((o) => o.toLowerCase().includes(needle)) : options;
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            slotProps={{
              ...params.slotProps,
              htmlInput: {
                ...params.slotProps.htmlInput,
                'aria-label': t('settings.timeZone'),
                'data-testid': 'settings-time-zone',
              },
            }}
          />
        )}
      />
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t('settings.timeZone.help')} {t('settings.timeZone.system', { zone: system })}
      </Typography>
    </>
  );
}
