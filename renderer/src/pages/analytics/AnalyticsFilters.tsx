import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FUNNEL_GROUPS, FUNNEL_PERIODS, FUNNEL_RATES } from '../../../../app/analytics/funnel';
import { MAX_DAILY_DAYS } from '../../../../app/analytics/funnel-report';
import type { FunnelReport } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { familyLabel } from '../../i18n/family-label';
import { RATE_KEYS } from './funnel-labels';
import type { AnalyticsFilter } from './analytics-filter';
import { rangeDays } from './analytics-filter';

interface Props {
  filter: AnalyticsFilter;
  /** The range the last answer covers: what the date fields show while none was chosen (the default range). */
  shownRange: { from: string; to: string } | null;
  choices: FunnelReport['choices'] | undefined;
  onChange(next: AnalyticsFilter): void;
}

/** Range, period, what to group by and which rate the charts show; then family, advisor and policy to narrow to. */
export function AnalyticsFilters({ filter, shownRange, choices, onChange }: Props) {
  const { t } = useI18n();
  const set =
    <K extends keyof AnalyticsFilter>(field: K) =>
    (event: { target: { value: string } }) =>
      onChange({ ...filter, [field]: event.target.value as AnalyticsFilter[K] });
  // Editing one end of the default range keeps the other end as shown.
  const setDay = (field: 'from' | 'to') => (event: { target: { value: string } }) =>
    onChange({
      ...filter,
      from: filter.from || shownRange?.from || '',
      to: filter.to || shownRange?.to || '',
      [field]: event.target.value,
    });
  const rangeInvalid = Boolean(filter.from && filter.to && filter.from > filter.to);
  const days = rangeDays(filter);
  const select = (
    field: 'family' | 'advisor' | 'policy',
    options: string[],
    label: (v: string) => string,
    width: number,
  ) => (
    <TextField
      select
      label={t(`analytics.filter.${field}`)}
      value={filter[field]}
      onChange={set(field)}
      slotProps={{
        htmlInput: { 'data-testid': `analytics-${field}` },
        inputLabel: { shrink: true },
        select: { displayEmpty: true },
      }}
      sx={{ width }}
      size="small"
    >
      <MenuItem value="">{t('analytics.filter.any')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {label(o)}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start', mb: 1.5 }}>
      <TextField
        type="date"
        size="small"
        label={t('analytics.filter.from')}
        value={filter.from || shownRange?.from || ''}
        onChange={setDay('from')}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'analytics-from' } }}
        sx={{ width: 160 }}
      />
      <TextField
        type="date"
        size="small"
        label={t('analytics.filter.to')}
        value={filter.to || shownRange?.to || ''}
        onChange={setDay('to')}
        error={rangeInvalid}
        helperText={rangeInvalid ? t('analytics.filter.rangeInvalid') : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'analytics-to' } }}
        sx={{ width: 160 }}
      />
      <TextField
        select
        size="small"
        label={t('analytics.filter.period')}
        value={filter.period}
        onChange={set('period')}
        slotProps={{ htmlInput: { 'data-testid': 'analytics-period' } }}
        sx={{ width: 110 }}
      >
        {FUNNEL_PERIODS.map((p) => (
          <MenuItem key={p} value={p} disabled={p === 'day' && days !== null && days > MAX_DAILY_DAYS}>
            {t(`analytics.period.${p}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('analytics.filter.groupBy')}
        value={filter.groupBy}
        onChange={set('groupBy')}
        slotProps={{ htmlInput: { 'data-testid': 'analytics-group-by' } }}
        sx={{ width: 160 }}
      >
        {FUNNEL_GROUPS.map((g) => (
          <MenuItem key={g} value={g}>
            {t(`analytics.group.${g}`)}
          </MenuItem>
        ))}
      </TextField>
      {select('family', choices?.families ?? [], (f) => familyLabel(t, f), 170)}
      {select('advisor', choices?.advisors ?? [], (a) => a, 140)}
      {select('policy', choices?.policies ?? [], (p) => p, 160)}
      <TextField
        select
        size="small"
        label={t('analytics.chart.rate')}
        value={filter.rate}
        onChange={set('rate')}
        slotProps={{ htmlInput: { 'data-testid': 'analytics-rate' } }}
        sx={{ width: 160 }}
      >
        {FUNNEL_RATES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(RATE_KEYS[r])}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" sx={{ mt: 0.5 }} onClick={() => onChange({ ...filter, from: '', to: '' })}>
        {t('analytics.filter.reset')}
      </Button>
    </Box>
  );
}
