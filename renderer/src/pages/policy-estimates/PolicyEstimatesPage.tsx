import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { refusalMessage } from '../../../../app/analytics/off-policy-text';
import type { PolicyEstimateView } from '../../../../app/contract/off-policy-channels';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { PolicyEstimatesChart } from './PolicyEstimatesChart';

type Outcome = 'accepted' | 'interested';

/** One policy's rows: its three estimates with intervals and effective sample size, or why it has none. */
function PolicyRows({ policy }: { policy: PolicyEstimateView }) {
  const { t, fmt } = useI18n();
  const percent = (v: number) => fmt.percent(v * 100);
  if (policy.refusal)
    return (
      <TableRow data-testid={`policy-${policy.policy}`}>
        <TableCell component="th" scope="row">
          {policy.policy}
        </TableCell>
        <TableCell colSpan={4}>
          <Alert severity="info" variant="outlined" sx={{ py: 0 }} data-testid="policy-refusal">
            {t(refusalMessage(policy.refusal, policy.policy))}
          </Alert>
        </TableCell>
      </TableRow>
    );
  const ess = policy.diagnostics ? t('offPolicy.ess', { n: Math.round(policy.diagnostics.effectiveSampleSize) }) : '';
  return (
    <>
      {policy.estimates.map((e, i) => (
        <TableRow key={e.estimator} data-testid={i === 0 ? `policy-${policy.policy}` : undefined}>
          {i === 0 && (
            <TableCell component="th" scope="row" rowSpan={policy.estimates.length}>
              {policy.policy}
            </TableCell>
          )}
          <TableCell>{t(`offPolicy.estimator.${e.estimator}`)}</TableCell>
          <TableCell align="right" data-testid="policy-value">
            {percent(e.value)}
          </TableCell>
          <TableCell align="right">{`${percent(e.interval.low)} – ${percent(e.interval.high)}`}</TableCell>
          {i === 0 && (
            <TableCell align="right" rowSpan={policy.estimates.length} data-testid="policy-ess">
              {ess}
            </TableCell>
          )}
        </TableRow>
      ))}
    </>
  );
}

/**
 * Off-policy estimates: what each candidate ranking policy would have converted, from the rankings shown and the
 * probability each product was shown with, before it is tried on clients; a candidate the log says too little
 * about is named with the reason.
 */
export function PolicyEstimatesPage() {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const input = { outcome, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const estimates = useChannelQuery('offpolicy:estimate', input, { reportErrors: false });
  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <PageHeader title={t('offPolicy.title')} titleTestId="policy-estimates-title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('offPolicy.intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('offPolicy.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as Outcome)}
          sx={{ minWidth: 220 }}
          data-testid="policy-outcome"
        >
          <MenuItem value="accepted">{t('offPolicy.outcome.accepted')}</MenuItem>
          <MenuItem value="interested">{t('offPolicy.outcome.interested')}</MenuItem>
        </TextField>
        <TextField
          size="small"
          type="date"
          label={t('offPolicy.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'policy-from' } }}
        />
        <TextField
          size="small"
          type="date"
          label={t('offPolicy.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'policy-to' } }}
        />
      </Box>
      {estimates.isLoading && <LinearProgress aria-label="loading" />}
      {estimates.error && <LoadError error={estimates.error} onRetry={() => void estimates.refetch()} />}
      {estimates.data && (
        <>
          <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="policy-summary">
            {t('offPolicy.summary', {
              rankings: estimates.data.rankings,
              without: estimates.data.withoutPropensities,
            })}
          </Typography>
          {estimates.data.policies.some((p) => p.estimates.length > 0) && (
            <SectionCard title={t('offPolicy.chartTitle')}>
              <PolicyEstimatesChart policies={estimates.data.policies} />
            </SectionCard>
          )}
          <Box sx={{ mt: 2 }}>
            <Table size="small" aria-label={t('offPolicy.title')} data-testid="policy-estimates-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('offPolicy.col.policy')}</TableCell>
                  <TableCell>{t('offPolicy.col.estimator')}</TableCell>
                  <TableCell align="right">{t('offPolicy.col.value')}</TableCell>
                  <TableCell align="right">{t('offPolicy.col.interval')}</TableCell>
                  <TableCell align="right">{t('offPolicy.col.ess')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {estimates.data.policies.map((p) => (
                  <PolicyRows key={p.policy} policy={p} />
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
}
