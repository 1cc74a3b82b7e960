import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useChannelQuery } from '../../api/use-channel-query';
import { useI18n } from '../../i18n/use-i18n';
import { kindLabel, RECORD_KINDS, type ComplianceFilter } from './record-filter';

interface Props {
  filter: ComplianceFilter;
  onChange(next: ComplianceFilter): void;
}

/** The period (by the day a record was made), the client, the advisor and the kind. */
export function ComplianceFilters({ filter, onChange }: Props) {
  const { t } = useI18n();
  const people = useChannelQuery('records:advisors', {}).data ?? [];
  const set = (field: keyof ComplianceFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [field]: event.target.value });
  const periodInvalid = Boolean(filter.from && filter.to && filter.from > filter.to);
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start', mb: 1.5 }}>
      <TextField
        type="date"
        label={t('compliance.filter.from')}
        value={filter.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'compliance-from' } }}
        sx={{ width: 170 }}
      />
      <TextField
        type="date"
        label={t('compliance.filter.to')}
        value={filter.to}
        onChange={set('to')}
        error={periodInvalid}
        helperText={periodInvalid ? t('compliance.filter.periodInvalid') : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'compliance-to' } }}
        sx={{ width: 170 }}
      />
      <TextField
        label={t('compliance.filter.client')}
        value={filter.client}
        onChange={set('client')}
        slotProps={{ htmlInput: { 'data-testid': 'compliance-client' } }}
        sx={{ width: 220 }}
      />
      <TextField
        select
        label={t('compliance.filter.advisor')}
        value={filter.advisor}
        onChange={set('advisor')}
        slotProps={{ htmlInput: { 'data-testid': 'compliance-advisor' } }}
        sx={{ width: 190 }}
      >
        <MenuItem value="">{t('compliance.filter.anyAdvisor')}</MenuItem>
        {people.map((who) => (
          <MenuItem key={who} value={who}>
            {who}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('compliance.filter.kind')}
        value={filter.kind}
        onChange={set('kind')}
        sx={{ width: 190 }}
      >
        <MenuItem value="">{t('compliance.filter.anyKind')}</MenuItem>
        {RECORD_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(kindLabel(kind)!)}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
