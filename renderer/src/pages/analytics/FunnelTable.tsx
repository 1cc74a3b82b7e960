import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { FUNNEL_RATES, FUNNEL_STAGES, type FunnelGroup, type FunnelPeriod } from '../../../../app/analytics/funnel';
import type { FunnelLineView } from '../../../../app/contract';
import { saveCsv } from '../../api/save-csv';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { funnelCsv, groupLabel, percent, RATE_HELP, RATE_KEYS } from './funnel-labels';
import type { Proportion } from '../../../../app/analytics/wilson';
import Typography from '@mui/material/Typography';

/** The rate, and under it its 95% interval, small: two lines keep nine columns inside the card. */
function RateCell({ p }: { p: Proportion }) {
  const i18n = useI18n();
  if (p.value === null || p.low === null || p.high === null) return <>{i18n.t('analytics.rate.none')}</>;
  return (
    <>
      {percent(i18n, p.value)}
      <Typography component="div" variant="caption" color="text.secondary" sx={{ lineHeight: 1.2 }}>
        {percent(i18n, p.low)}–{percent(i18n, p.high)}
      </Typography>
    </>
  );
}

/**
 * Counts and rates per line, the total last; each rate's tooltip gives its numerator and denominator. The CSV holds
 * exactly the rows on screen (without the total, which a spreadsheet sums), with fractions instead of percentages.
 */
export function FunnelTable({
  title,
  lines,
  total,
  groupBy,
  period,
  fileName,
  testId,
}: {
  title: string;
  lines: FunnelLineView[];
  total: FunnelLineView | null;
  groupBy: FunnelGroup;
  period: FunnelPeriod;
  fileName: string;
  testId: string;
}) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  const row = (l: FunnelLineView, isTotal: boolean) => (
    <TableRow key={isTotal ? '(total)' : l.key} hover sx={isTotal ? { '& td': { fontWeight: 600 } } : undefined}>
      <TableCell component="th" scope="row" sx={{ fontWeight: isTotal ? 600 : undefined, minWidth: 200 }}>
        {isTotal ? t('analytics.table.total') : groupLabel(i18n, l, groupBy, period)}
      </TableCell>
      {FUNNEL_STAGES.map((s) => (
        <TableCell key={s} align="right" sx={num}>
          {fmt.number(l.counts[s])}
        </TableCell>
      ))}
      {FUNNEL_RATES.map((r) => (
        // A plain title, not a Tooltip per cell: a table of a hundred products would mount four hundred of them.
        <TableCell
          key={r}
          align="right"
          sx={num}
          title={t('analytics.rate.ofCounts', {
            successes: fmt.number(l.rates[r].successes),
            trials: fmt.number(l.rates[r].trials),
          })}
        >
          <RateCell p={l.rates[r]} />
        </TableCell>
      ))}
    </TableRow>
  );
  return (
    <SectionCard
      title={title}
      flush
      testId={testId}
      action={
        <Button
          size="small"
          startIcon={<FileDownloadOutlined fontSize="small" />}
          onClick={() => saveCsv(fileName, funnelCsv(i18n, lines, groupBy, period))}
          disabled={lines.length === 0}
          data-testid={`${testId}-export`}
        >
          {t('analytics.export')}
        </Button>
      }
    >
      {/* It scrolls on its own: reachable by keyboard, and named for a screen reader. */}
      <TableContainer sx={{ maxHeight: 420 }} tabIndex={0} role="region" aria-label={title}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell>{t(`analytics.group.${groupBy}`)}</TableCell>
              {FUNNEL_STAGES.map((s) => (
                <TableCell key={s} align="right">
                  {t(`analytics.stage.${s}`)}
                </TableCell>
              ))}
              {FUNNEL_RATES.map((r) => (
                <Tooltip key={r} title={t(RATE_HELP[r])} placement="top" describeChild>
                  <TableCell align="right">{t(RATE_KEYS[r])}</TableCell>
                </Tooltip>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => row(l, false))}
            {total && row(total, true)}
          </TableBody>
        </Table>
      </TableContainer>
    </SectionCard>
  );
}
