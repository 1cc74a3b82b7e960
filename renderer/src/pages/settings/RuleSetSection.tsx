import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { RuleSetVersionView } from '../../../../app/contract';
import { RISK_CLASSES } from '../../../../app/domain';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { RuleSetEditorDialog } from './RuleSetEditorDialog';

/** The figures an advisor asks about most, read from the active rule set. */
function KeyLimits({ version }: { version: RuleSetVersionView }) {
  const { t, fmt } = useI18n();
  const rules = version.ruleSet.rules;
  const facts: [string, string][] = [
    ...RISK_CLASSES.map((c): [string, string] => [
      t('rules.maxGradeFor', { riskClass: c }),
      rules.riskClass.maxGradeByClass[c],
    ]),
    [t('rules.kycMaxAge'), t('rules.months', { n: rules.kyc.maxAgeMonths })],
    [t('rules.minCreditScore'), fmt.number(rules.credit.minCreditScore)],
    [t('rules.maxDebtToIncome'), fmt.percent(rules.credit.maxDebtToIncome * 100)],
    [t('rules.emergencyReserve'), t('rules.months', { n: rules.emergencyReserve.individualMonths })],
  ];
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' }, gap: 1, mb: 1.5 }}
      data-testid="rules-key-limits"
    >
      {facts.map(([label, value]) => (
        <Box key={label}>
          <Typography variant="caption" color="text.secondary" component="div">
            {label}
          </Typography>
          <Typography variant="body2">{value}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * Settings › Suitability rules: the institution's rule sets as data. Every save is a new version and any
 * version can be made active again, so a bad edit is undone without losing what advice was given under it.
 */
export function RuleSetSection() {
  const { t, fmt } = useI18n();
  const versions = useChannelQuery('rules:versions', {});
  const [editing, setEditing] = useState(false);
  const [activating, setActivating] = useState<number | null>(null);
  const activation = useChannelMutation('rules:activate', {
    success: (_answer, { version }) => t('rules.activated', { version }),
  });
  const active = versions.data?.find((v) => v.active);

  const activate = (version: number) => activation.mutate({ version }, { onSettled: () => setActivating(null) });

  return (
    <SectionCard
      title={t('rules.title')}
      testId="rules-section"
      action={
        <Button
          size="small"
          startIcon={<EditOutlined />}
          disabled={!active}
          onClick={() => setEditing(true)}
          data-testid="rules-edit"
        >
          {t('rules.edit')}
        </Button>
      }
    >
      {!versions.data ? (
        <Skeleton variant="rectangular" height={120} />
      ) : (
        <>
          {active && <KeyLimits version={active} />}
          <Table size="small" aria-label={t('rules.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('rules.version')}</TableCell>
                <TableCell>{t('rules.name')}</TableCell>
                <TableCell>{t('rules.created')}</TableCell>
                <TableCell>{t('rules.createdBy')}</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.data.map((v) => (
                <TableRow key={v.version} data-testid="rules-version-row" data-version={v.version} selected={v.active}>
                  <TableCell>v{v.version}</TableCell>
                  <TableCell>{v.name}</TableCell>
                  <TableCell>{v.stored ? fmt.dateTime(v.createdAt) : fmt.date(v.createdAt)}</TableCell>
                  <TableCell>{v.createdBy}</TableCell>
                  <TableCell align="right">
                    {v.active ? (
                      <Chip size="small" color="primary" label={t('rules.active')} data-testid="rules-active" />
                    ) : (
                      <Button
                        size="small"
                        onClick={() => setActivating(v.version)}
                        data-testid={`rules-activate-${v.version}`}
                      >
                        {t('rules.makeActive')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {editing && active && (
        <RuleSetEditorDialog base={active} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      <ConfirmDialog
        open={activating !== null}
        title={t('rules.activateTitle', { version: activating ?? '' })}
        body={t('rules.activateBody')}
        confirmLabel={t('rules.makeActive')}
        busy={activation.isPending}
        onConfirm={() => activating !== null && activate(activating)}
        onClose={() => setActivating(null)}
        testId="rules-confirm"
      />
    </SectionCard>
  );
}
