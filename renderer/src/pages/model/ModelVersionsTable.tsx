import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import RestoreOutlined from '@mui/icons-material/RestoreOutlined';
import type { ReactNode } from 'react';
import type { ModelVersionSummary } from '../../../../app/contract';
import { describeComparison } from '../../../../app/training/comparison-text';
import { useI18n } from '../../i18n/use-i18n';
import { baselineLabel, baselineNames, metricText, originLabel, rankingK, type MetricName } from './model-labels';

function HeadCell({
  label,
  help,
  align = 'right',
  rowSpan,
}: {
  label: ReactNode;
  help?: string;
  align?: 'left' | 'right';
  rowSpan?: number;
}) {
  const cell = <span>{label}</span>;
  return (
    <TableCell align={align} rowSpan={rowSpan} sx={{ verticalAlign: 'bottom' }}>
      {help ? (
        <Tooltip title={help}>
          <Box component="span" sx={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}>
            {cell}
          </Box>
        </Tooltip>
      ) : (
        cell
      )}
    </TableCell>
  );
}

/** Newest first; the active version is highlighted, and every other one can be made active again. */
export function ModelVersionsTable({
  versions,
  onActivate,
}: {
  versions: ModelVersionSummary[];
  onActivate(version: number): void;
}) {
  const { t, fmt } = useI18n();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const k = rankingK(versions);
  const baselines = baselineNames(versions);
  const metricColumns: { name: MetricName; label: string; help: string }[] = [
    { name: 'auc', label: t('model.col.auc'), help: t('model.help.auc') },
    { name: 'logLoss', label: t('model.col.logLoss'), help: t('model.help.logLoss') },
    { name: 'ece', label: t('model.col.ece'), help: t('model.help.ece') },
    { name: 'precisionAtK', label: t('model.col.precisionAtK', { k }), help: t('model.help.precisionAtK', { k }) },
    { name: 'ndcgAtK', label: t('model.col.ndcgAtK', { k }), help: t('model.help.ndcgAtK', { k }) },
    { name: 'mapAtK', label: t('model.col.mapAtK', { k }), help: t('model.help.mapAtK', { k }) },
  ];
  const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table aria-label={t('model.versions')} sx={{ '& th, & td': { px: 1.25 } }}>
        <TableHead>
          {/* Two header rows so the baselines' AUC sit under one heading, next to the version's own AUC. */}
          <TableRow>
            <HeadCell rowSpan={2} align="left" label={t('model.col.version')} />
            <HeadCell rowSpan={2} align="left" label={t('model.col.trainedRange')} />
            <HeadCell rowSpan={2} label={t('model.col.online')} help={t('model.help.online')} />
            {metricColumns.map((c) => (
              <HeadCell rowSpan={2} key={c.name} label={c.label} help={c.help} />
            ))}
            {baselines.length > 0 && (
              <TableCell
                colSpan={baselines.length}
                align="center"
                sx={{ borderBottom: 1, borderColor: 'divider', pb: 0.25 }}
              >
                {t('model.col.baselines')}
              </TableCell>
            )}
            <TableCell rowSpan={2} />
          </TableRow>
          <TableRow>
            {baselines.map((name) => (
              <HeadCell
                key={name}
                label={baselineLabel(name, t)}
                help={t('model.help.baseline', { name: baselineLabel(name, t) })}
              />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {newestFirst.map((v) => (
            <TableRow
              key={v.version}
              data-testid="model-version-row"
              data-version={v.version}
              data-active={v.active ? 'true' : 'false'}
              selected={v.active}
            >
              <TableCell sx={{ whiteSpace: 'nowrap' }} title={v.kind}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                    v{v.version}
                  </Typography>
                  {v.active && (
                    <Chip color="primary" label={t('model.active')} data-testid="model-active" sx={{ height: 20 }} />
                  )}
                  {!v.active && v.comparison && !v.comparison.madeLive && (
                    <Chip
                      color="warning"
                      variant="outlined"
                      label={t('retrainSafety.keptChip', { version: v.comparison.liveVersion })}
                      title={describeComparison(v.comparison)
                        .map((m) => t(m))
                        .join(' ')}
                      data-testid="model-kept"
                      sx={{ height: 20 }}
                    />
                  )}
                </Box>
                <Typography variant="caption" color="text.secondary" component="div" data-testid="model-origin">
                  {originLabel(v.note, t)} · {fmt.compactDateTime(v.createdAt)}
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {v.trainedFrom && v.trainedTo
                  ? t('model.range', { from: fmt.compactDate(v.trainedFrom), to: fmt.compactDate(v.trainedTo) })
                  : '—'}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="div"
                  sx={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {t('model.rows', { train: fmt.number(v.trainRows), test: fmt.number(v.testRows) })}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={numeric} data-testid="model-online-updates">
                {fmt.number(v.onlineUpdates)}
              </TableCell>
              {metricColumns.map((c) => (
                <TableCell
                  key={c.name}
                  align="right"
                  sx={{ ...numeric, fontWeight: c.name === 'auc' ? 500 : undefined }}
                  data-testid={`model-metric-${c.name}`}
                >
                  {metricText(v.metrics?.[c.name], fmt)}
                </TableCell>
              ))}
              {baselines.map((name) => (
                <TableCell key={name} align="right" sx={{ ...numeric, color: 'text.secondary' }}>
                  {metricText(v.baselines[name]?.auc, fmt)}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {!v.active && (
                  <Button
                    startIcon={<RestoreOutlined />}
                    onClick={() => onActivate(v.version)}
                    data-testid={`model-activate-${v.version}`}
                  >
                    {t('model.makeActive')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
