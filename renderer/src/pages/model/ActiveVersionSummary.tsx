import Typography from '@mui/material/Typography';
import type { ModelVersionSummary } from '../../../../app/contract';
import { FactList } from '../../components/FactList';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { POPULARITY, metricText, originLabel } from './model-labels';

/** The version that scores rankings now, beside the figure it has to beat: what an advisor asks first. */
export function ActiveVersionSummary({ versions }: { versions: ModelVersionSummary[] }) {
  const { t, fmt } = useI18n();
  const active = versions.find((v) => v.active);
  const baseline = active?.baselines[POPULARITY];
  const versus = (value: number | null | undefined, base: number | null | undefined) =>
    base === null || base === undefined
      ? metricText(value, fmt)
      : t('model.summary.vsBaseline', { value: metricText(value, fmt), baseline: metricText(base, fmt) });
  return (
    <SectionCard title={t('model.summary')} testId="model-summary">
      {!active ? (
        <Typography variant="body2" color="text.secondary">
          {t('model.summary.none')}
        </Typography>
      ) : (
        <FactList
          facts={[
            {
              label: t('model.summary.version'),
              value: `v${active.version} · ${originLabel(active.note, t)}`,
              testId: 'model-summary-version',
            },
            { label: t('model.col.created'), value: fmt.dateTime(active.createdAt) },
            {
              label: t('model.col.trainedRange'),
              value:
                active.trainedFrom && active.trainedTo
                  ? t('model.range', {
                      from: fmt.compactDate(active.trainedFrom),
                      to: fmt.compactDate(active.trainedTo),
                    })
                  : '—',
            },
            { label: t('model.col.online'), value: fmt.number(active.onlineUpdates) },
            { label: t('model.col.auc'), value: versus(active.metrics?.auc, baseline?.auc) },
            {
              label: t('model.col.ndcgAtK', { k: active.metrics?.k ?? 10 }),
              value: versus(active.metrics?.ndcgAtK, baseline?.ndcgAtK),
            },
            ...(active.selection
              ? [
                  {
                    label: t('model.summary.settings'),
                    value: t('model.summary.settingsValue', {
                      name: active.selection.chosen,
                      about: t(active.selection.about),
                    }),
                    testId: 'model-summary-settings',
                  },
                  { label: t('model.summary.settingsWhy'), value: t(active.selection.reason) },
                ]
              : []),
            ...(active.calibration
              ? [
                  {
                    label: t('model.summary.calibration'),
                    value: t(active.calibration.method === 'shift' ? 'calibration.shift' : 'calibration.platt', {
                      before: metricText(active.calibration.eceRaw, fmt),
                      after: metricText(active.calibration.eceCalibrated, fmt),
                      floor: metricText(active.calibration.eceFloor, fmt),
                    }),
                    testId: 'model-summary-calibration',
                  },
                ]
              : []),
          ]}
        />
      )}
    </SectionCard>
  );
}
