import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RuleSetVersionView } from '../../../../app/contract';
import { RISK_CLASSES, RISK_GRADES } from '../../../../app/domain';
import { isBackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useI18n } from '../../i18n/use-i18n';

type Json = Record<string, unknown>;

/** Reads a nested value from the draft; undefined when the path is missing or the draft is not an object. */
function at(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[key];
  }
  return cur;
}

function withValue(obj: Json, path: readonly string[], value: unknown): Json {
  const copy = structuredClone(obj);
  let cur: Json = copy;
  for (const key of path.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Json;
  }
  cur[path[path.length - 1]!] = value;
  return copy;
}

const NUMBER_FIELDS: {
  path: string[];
  label:
    | 'rules.kycMaxAge'
    | 'rules.minCreditScore'
    | 'rules.maxDebtToIncomeRatio'
    | 'rules.emergencyReserve'
    | 'rules.maxAgeAtLockupEnd';
}[] = [
  { path: ['rules', 'kyc', 'maxAgeMonths'], label: 'rules.kycMaxAge' },
  { path: ['rules', 'credit', 'minCreditScore'], label: 'rules.minCreditScore' },
  { path: ['rules', 'credit', 'maxDebtToIncome'], label: 'rules.maxDebtToIncomeRatio' },
  { path: ['rules', 'emergencyReserve', 'individualMonths'], label: 'rules.emergencyReserve' },
  { path: ['rules', 'age', 'maxAgeAtLockupEnd'], label: 'rules.maxAgeAtLockupEnd' },
];

/**
 * Edits a rule set as a new version. The JSON text is the one source of truth: the fields above it edit the
 * figures advisors ask about, and the text holds everything else. The backend validates and names bad fields.
 */
export function RuleSetEditorDialog({
  base,
  onClose,
  onSaved,
}: {
  base: RuleSetVersionView;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [text, setText] = useState(() => JSON.stringify(base.ruleSet, null, 2));
  const [problems, setProblems] = useState<string[]>([]);
  // Problems with named fields are listed in the dialog, where they are fixed.
  const shownHere = (error: unknown) => isBackendError(error, 'validation') && error.issues.length > 0;
  const saveRuleSet = useChannelMutation('rules:save', {
    success: (saved) => t('rules.saved', { version: saved.version }),
    reportErrors: (error) => !shownHere(error),
  });
  const saving = saveRuleSet.isPending;
  const draft = useMemo((): Json | null => {
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
    } catch {
      return null;
    }
  }, [text]);

  const set = (path: readonly string[], value: unknown) => {
    if (draft) setText(JSON.stringify(withValue(draft, path, value), null, 2));
  };

  const save = () => {
    if (!draft) return;
    setProblems([]);
    saveRuleSet.mutate(
      { name: name.trim(), ruleSet: draft },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isBackendError(error) && shownHere(error))
            setProblems(error.issues.map((i) => `${i.field}: ${t(i.message)}`));
        },
      },
    );
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} maxWidth="md" fullWidth data-testid="rules-editor">
      <DialogTitle>{t('rules.editTitle', { version: base.version })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('rules.editHelp')}
        </Typography>
        <TextField
          label={t('rules.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          fullWidth
          size="small"
          sx={{ mb: 2 }}
          slotProps={{ htmlInput: { 'data-testid': 'rules-name', maxLength: 120 } }}
        />
        {draft ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' }, gap: 1.5, mb: 2 }}>
            {RISK_CLASSES.map((c) => (
              <TextField
                key={c}
                select
                size="small"
                label={t('rules.maxGradeFor', { riskClass: c })}
                value={String(at(draft, ['rules', 'riskClass', 'maxGradeByClass', c]) ?? '')}
                onChange={(e) => set(['rules', 'riskClass', 'maxGradeByClass', c], e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': `rules-max-grade-${c}` } }}
              >
                {RISK_GRADES.map((g) => (
                  <MenuItem key={g} value={g}>
                    {g}
                  </MenuItem>
                ))}
              </TextField>
            ))}
            {NUMBER_FIELDS.map((f) => (
              <TextField
                key={f.path.join('.')}
                size="small"
                type="number"
                label={t(f.label)}
                value={String(at(draft, f.path) ?? '')}
                onChange={(e) => set(f.path, e.target.value === '' ? null : Number(e.target.value))}
                slotProps={{ htmlInput: { 'data-testid': `rules-field-${f.path[f.path.length - 1]}`, step: 'any' } }}
              />
            ))}
          </Box>
        ) : (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="rules-json-invalid">
            {t('rules.jsonInvalid')}
          </Alert>
        )}
        <TextField
          label={t('rules.allRules')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={10}
          maxRows={18}
          fullWidth
          slotProps={{
            htmlInput: {
              'data-testid': 'rules-json',
              spellCheck: false,
              style: { fontFamily: 'monospace', fontSize: 13 },
            },
          }}
        />
        {problems.length > 0 && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="rules-problems">
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {t('rules.refused')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {problems.map((p) => (
                <li key={p}>
                  <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace' }}>
                    {p}
                  </Typography>
                </li>
              ))}
            </Box>
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={save}
          disabled={saving || !draft || name.trim() === ''}
          data-testid="rules-save"
        >
          {t('rules.saveVersion')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
