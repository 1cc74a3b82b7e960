import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { ExperimentKind, PitchVariant, RankingPolicy } from '../../../../app/experiments/experiment';
import { sampleSizePerArm } from '../../../../app/experiments/statistics';
import { PITCH_LENGTHS, PITCH_TONES } from '../../../../app/pitch/pitch-types';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';
import { armDefinition } from './experiment-labels';

interface ArmDraft {
  id: string;
  sharePct: string;
  policy: RankingPolicy;
  pitch: PitchVariant;
}

const DEFAULT_PITCH: PitchVariant = { tone: 'warm', length: 'medium', source: 'template' };
const LETTERS = 'ABCD';

function firstArms(kind: ExperimentKind): ArmDraft[] {
  return kind === 'ranking-policy'
    ? [
        { id: 'A', sharePct: '50', policy: { kind: 'popularity' }, pitch: DEFAULT_PITCH },
        { id: 'B', sharePct: '50', policy: { kind: 'live-model', languageModel: 'skip' }, pitch: DEFAULT_PITCH },
      ]
    : [
        { id: 'A', sharePct: '50', policy: { kind: 'popularity' }, pitch: DEFAULT_PITCH },
        { id: 'B', sharePct: '50', policy: { kind: 'popularity' }, pitch: { ...DEFAULT_PITCH, source: 'model' } },
      ];
}

/** A policy as one select value, and back. */
const policyKey = (p: RankingPolicy) =>
  p.kind === 'live-model'
    ? `live-model:${p.languageModel}`
    : p.kind === 'model-version'
      ? `model-version:${p.version}:${p.languageModel}`
      : p.kind;

function policyOfKey(key: string): RankingPolicy {
  const [kind, a, b] = key.split(':');
  if (kind === 'live-model') return { kind, languageModel: a === 'use' ? 'use' : 'skip' };
  if (kind === 'model-version') return { kind, version: Number(a), languageModel: b === 'use' ? 'use' : 'skip' };
  return { kind: kind === 'rules-only' ? 'rules-only' : 'popularity' };
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Defines an experiment: what is tested, its arms with their shares, planned dates and the pre-registered plan, whose
 * sample size per arm is shown as it is typed. The backend validates the whole definition and names every problem.
 */
export function DefineExperimentDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const today = localToday();
  const versions = useChannelQuery('model:versions', {}, { reportErrors: false });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ExperimentKind>('ranking-policy');
  const [arms, setArms] = useState<ArmDraft[]>(firstArms('ranking-policy'));
  const [plannedStart, setStart] = useState(today);
  const [plannedStop, setStop] = useState(addDays(today, 42));
  const [baselinePct, setBaseline] = useState('10');
  const [mdePoints, setMde] = useState('5');
  const [alpha, setAlpha] = useState('0.05');
  const [power, setPower] = useState('0.8');
  const define = useChannelMutation('experiments:define', {
    invalidates: ['experiments:list'],
    reportErrors: false,
    success: (e) => t('experiments.defined', { name: e.name }),
  });

  const policyOptions = useMemo(() => {
    const keys = ['rules-only', 'popularity', 'live-model:skip', 'live-model:use'];
    for (const v of versions.data ?? []) keys.push(`model-version:${v.version}:skip`, `model-version:${v.version}:use`);
    return keys;
  }, [versions.data]);

  const plan = {
    baselineRate: Number(baselinePct) / 100,
    minimumDetectableEffect: Number(mdePoints) / 100,
    alpha: Number(alpha),
    power: Number(power),
  };
  const planValid =
    plan.baselineRate > 0 &&
    plan.baselineRate < 1 &&
    plan.minimumDetectableEffect !== 0 &&
    Number.isFinite(plan.minimumDetectableEffect) &&
    plan.alpha > 0 &&
    plan.alpha < 1 &&
    plan.power > 0 &&
    plan.power < 1;
  const comparisons = Math.max(1, arms.length - 1);
  const perArm = planValid ? sampleSizePerArm({ ...plan, alpha: plan.alpha / comparisons }) : null;
  const sharesTotal = arms.reduce((sum, a) => sum + Number(a.sharePct), 0);

  const setArm = (i: number, patch: Partial<ArmDraft>) =>
    setArms((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = () =>
    define.mutate(
      {
        definition: {
          name,
          kind,
          arms: arms.map((a) => ({
            id: a.id,
            share: Number(a.sharePct) / 100,
            ...(kind === 'ranking-policy' ? { policy: a.policy } : { pitch: a.pitch }),
          })),
          plannedStart,
          plannedStop,
          plan,
        },
      },
      { onSuccess: onClose },
    );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="experiment-dialog">
      <DialogTitle>{t('experiments.dialog.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <Box sx={{ display: 'flex', gap: 2 }}>
          <TextField
            label={t('experiments.dialog.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            size="small"
            sx={{ flexGrow: 1 }}
            slotProps={{ htmlInput: { 'data-testid': 'experiment-name' } }}
          />
          <TextField
            select
            label={t('experiments.dialog.kind')}
            value={kind}
            size="small"
            sx={{ minWidth: 200 }}
            onChange={(e) => {
              const next = e.target.value as ExperimentKind;
              setKind(next);
              setArms(firstArms(next));
            }}
            data-testid="experiment-kind"
          >
            <MenuItem value="ranking-policy">{t('experiments.kind.ranking-policy')}</MenuItem>
            <MenuItem value="pitch-variant">{t('experiments.kind.pitch-variant')}</MenuItem>
          </TextField>
        </Box>
        <Alert severity="info" variant="outlined">
          {t('experiments.dialog.suitability')}
        </Alert>
        <Typography variant="subtitle2">{t('experiments.dialog.arms')}</Typography>
        {arms.map((arm, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }} data-testid={`experiment-arm-${i}`}>
            <TextField
              label={t('experiments.dialog.armId')}
              value={arm.id}
              size="small"
              sx={{ width: 90 }}
              onChange={(e) => setArm(i, { id: e.target.value })}
            />
            <TextField
              label={t('experiments.dialog.share')}
              value={arm.sharePct}
              size="small"
              sx={{ width: 100 }}
              type="number"
              onChange={(e) => setArm(i, { sharePct: e.target.value })}
              slotProps={{ htmlInput: { 'data-testid': `experiment-arm-share-${i}` } }}
            />
            {kind === 'ranking-policy' ? (
              <TextField
                select
                label={t('experiments.dialog.policy')}
                value={policyKey(arm.policy)}
                size="small"
                sx={{ flexGrow: 1 }}
                onChange={(e) => setArm(i, { policy: policyOfKey(e.target.value) })}
                data-testid={`experiment-arm-policy-${i}`}
              >
                {policyOptions.map((key) => (
                  <MenuItem key={key} value={key}>
                    {armDefinition({ id: '', share: 0.5, policy: policyOfKey(key) }, t)}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <>
                <TextField
                  select
                  label={t('experiments.dialog.tone')}
                  value={arm.pitch.tone}
                  size="small"
                  sx={{ flexGrow: 1 }}
                  onChange={(e) => setArm(i, { pitch: { ...arm.pitch, tone: e.target.value as PitchVariant['tone'] } })}
                >
                  {PITCH_TONES.map((tone) => (
                    <MenuItem key={tone} value={tone}>
                      {t(`pitch.tone.${tone}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  label={t('experiments.dialog.length')}
                  value={arm.pitch.length}
                  size="small"
                  sx={{ flexGrow: 1 }}
                  onChange={(e) =>
                    setArm(i, { pitch: { ...arm.pitch, length: e.target.value as PitchVariant['length'] } })
                  }
                >
                  {PITCH_LENGTHS.map((length) => (
                    <MenuItem key={length} value={length}>
                      {t(`pitch.length.${length}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  label={t('experiments.dialog.source')}
                  value={arm.pitch.source}
                  size="small"
                  sx={{ flexGrow: 1 }}
                  onChange={(e) =>
                    setArm(i, { pitch: { ...arm.pitch, source: e.target.value as PitchVariant['source'] } })
                  }
                >
                  <MenuItem value="template">{t('experiments.pitch.source.template')}</MenuItem>
                  <MenuItem value="model">{t('experiments.pitch.source.model')}</MenuItem>
                </TextField>
              </>
            )}
            <IconButton
              aria-label={t('experiments.dialog.removeArm')}
              disabled={arms.length <= 2}
              onClick={() => setArms((list) => list.filter((_, j) => j !== i))}
            >
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Box>
          <Button
            size="small"
            disabled={arms.length >= 4}
            onClick={() =>
              setArms((list) => [
                ...list,
                {
                  id: LETTERS[list.length] ?? `X${list.length}`,
                  sharePct: '0',
                  policy: { kind: 'rules-only' },
                  pitch: DEFAULT_PITCH,
                },
              ])
            }
          >
            {t('experiments.dialog.addArm')}
          </Button>
        </Box>
        {Math.abs(sharesTotal - 100) > 1e-6 && (
          <Alert severity="warning">{t('experiments.dialog.sharesTotal', { total: sharesTotal })}</Alert>
        )}
        <Box sx={{ display: 'flex', gap: 2 }}>
          <TextField
            label={t('experiments.dialog.start')}
            type="date"
            value={plannedStart}
            size="small"
            onChange={(e) => setStart(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={t('experiments.dialog.stop')}
            type="date"
            value={plannedStop}
            size="small"
            onChange={(e) => setStop(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
        <Typography variant="subtitle2">{t('experiments.dialog.plan')}</Typography>
        <Box sx={{ display: 'flex', gap: 2 }}>
          <TextField
            label={t('experiments.dialog.baseline')}
            value={baselinePct}
            size="small"
            type="number"
            onChange={(e) => setBaseline(e.target.value)}
          />
          <TextField
            label={t('experiments.dialog.mde')}
            value={mdePoints}
            size="small"
            type="number"
            onChange={(e) => setMde(e.target.value)}
          />
          <TextField
            label={t('experiments.dialog.alpha')}
            value={alpha}
            size="small"
            type="number"
            onChange={(e) => setAlpha(e.target.value)}
          />
          <TextField
            label={t('experiments.dialog.power')}
            value={power}
            size="small"
            type="number"
            onChange={(e) => setPower(e.target.value)}
          />
        </Box>
        {perArm !== null && Number.isFinite(perArm) && (
          <Typography variant="body2" data-testid="experiment-sample-size">
            {t('experiments.dialog.sampleSize', { n: perArm })}
          </Typography>
        )}
        {define.isError && (
          <Alert severity="error" data-testid="experiment-define-error">
            {describeError(define.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('experiments.dialog.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={define.isPending || name.trim() === ''}
          data-testid="experiment-create"
        >
          {t('experiments.dialog.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
