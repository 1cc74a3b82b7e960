import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';
import { ArmRatesChart } from './ArmRatesChart';
import { DifferenceChart } from './DifferenceChart';
import { ExperimentStatusActions } from './ExperimentStatusActions';
import { StatusChip } from './ExperimentsPage';
import { armDefinition, percentOf, verdictText } from './experiment-labels';

/** One experiment's A/B report: arm rates, differences with fixed and always-valid intervals, progress, verdict. */
export function ExperimentResultPage({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const { has } = useCurrentUser();
  const results = useChannelQuery('experiments:results', { id }, { reportErrors: false });
  if (results.isPending) return <LinearProgress aria-label="loading" />;
  if (results.isError) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  const { experiment, report } = results.data;
  const verdict = report.verdict;
  const claim = verdict.kind === 'claim-early' || verdict.kind === 'claim-planned';
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <PageHeader
        title={experiment.name}
        titleTestId="experiment-title"
        subtitle={
          <>
            <StatusChip status={experiment.status} />
            <Typography variant="body2">
              {t(`experiments.kind.${experiment.kind}`)} ·{' '}
              {t('experiments.plannedRange', {
                from: fmt.date(experiment.plannedStart),
                to: fmt.date(experiment.plannedStop),
              })}
            </Typography>
          </>
        }
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            {has('administrator') && <ExperimentStatusActions experiment={experiment} />}
            <Button size="small" startIcon={<ArrowBackOutlined />} href="#/experiments">
              {t('experiments.result.back')}
            </Button>
          </Box>
        }
      />
      <Alert severity={claim ? 'success' : 'info'} data-testid="experiment-verdict">
        <AlertTitle>{t('experiments.result.verdict')}</AlertTitle>
        {verdictText(verdict, t)}
      </Alert>
      <Typography variant="body2" color="text.secondary" data-testid="experiment-conversion-definition">
        {t('experiments.result.conversion')}
      </Typography>
      <SectionCard title={t('experiments.result.arms')} testId="experiment-arms">
        <ArmRatesChart arms={report.arms} />
        <ArmTable results={results.data} />
      </SectionCard>
      <SectionCard title={t('experiments.result.differences')} testId="experiment-differences">
        {report.comparisons.length === 0 ? (
          <Typography color="text.secondary">{t('experiments.result.noComparisons')}</Typography>
        ) : (
          <>
            <DifferenceChart comparisons={report.comparisons} />
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('experiments.result.col.comparison')}</TableCell>
                  <TableCell align="right">{t('experiments.result.col.difference')}</TableCell>
                  <TableCell align="right">{t('experiments.result.col.fixed')}</TableCell>
                  <TableCell align="right">{t('experiments.result.col.pValue')}</TableCell>
                  <TableCell align="right">{t('experiments.result.col.alwaysValid')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.comparisons.map((c) => (
                  <TableRow key={c.arm} data-testid={`experiment-comparison-${c.arm}`}>
                    <TableCell>{t('experiments.result.comparison', { arm: c.arm, control: c.control })}</TableCell>
                    <TableCell align="right">{percentOf(fmt, c.fixed.difference)}</TableCell>
                    <TableCell align="right">
                      {percentOf(fmt, c.fixed.low)} – {percentOf(fmt, c.fixed.high)}
                    </TableCell>
                    <TableCell align="right">{pValueText(c.fixed.pValue)}</TableCell>
                    <TableCell align="right">
                      {c.alwaysValid
                        ? `${percentOf(fmt, c.alwaysValid.low)} – ${percentOf(fmt, c.alwaysValid.high)}`
                        : '–'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
              {t(report.comparisons.length > 1 ? 'experiments.result.alphaNoteSplit' : 'experiments.result.alphaNote', {
                alpha: fmt.number(report.comparisons[0]!.alpha, 3),
              })}
            </Typography>
          </>
        )}
      </SectionCard>
      <SectionCard title={t('experiments.result.progress')} testId="experiment-progress">
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (100 * report.progress.smallestArm) / report.progress.neededPerArm)}
          sx={{ height: 8, borderRadius: 1, my: 1 }}
        />
        <Typography variant="body2">
          {t('experiments.result.progressText', {
            n: report.progress.smallestArm,
            needed: report.progress.neededPerArm,
            share: percentOf(fmt, Math.min(1, report.progress.smallestArm / report.progress.neededPerArm)),
          })}
        </Typography>
      </SectionCard>
    </Box>
  );
}

/** Small p-values in scientific notation, so 1e-13 is not shown as 0. */
function pValueText(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

function ArmTable({ results }: { results: ExperimentResultsView }) {
  const { t, fmt } = useI18n();
  const { experiment, activity, report } = results;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('experiments.result.col.arm')}</TableCell>
          <TableCell>{t('experiments.result.col.definition')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.share')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.shown')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.clients')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.converted')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.rate')}</TableCell>
          <TableCell align="right">{t('experiments.result.col.interval')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {experiment.arms.map((arm, i) => {
          const r = report.arms[i]!;
          const a = activity.find((x) => x.arm === arm.id);
          return (
            <TableRow key={arm.id} data-testid={`experiment-arm-row-${arm.id}`}>
              <TableCell>{arm.id}</TableCell>
              <TableCell>{armDefinition(arm, t)}</TableCell>
              <TableCell align="right">{percentOf(fmt, arm.share)}</TableCell>
              <TableCell align="right">{fmt.number(a?.shown ?? 0)}</TableCell>
              <TableCell align="right">{fmt.number(r.trials)}</TableCell>
              <TableCell align="right">{fmt.number(r.successes)}</TableCell>
              <TableCell align="right">{r.rate === null ? '–' : percentOf(fmt, r.rate)}</TableCell>
              <TableCell align="right">
                {percentOf(fmt, r.low)} – {percentOf(fmt, r.high)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
