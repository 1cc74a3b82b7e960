import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ModelVersionSummary } from '../../../../app/contract';
import { describeComparison } from '../../../../app/training/comparison-text';
import { useI18n } from '../../i18n/use-i18n';

/**
 * What a retrain this page asked for came to against the live version, on the same held-out outcomes: both figures,
 * and for a version kept out of service because it scored worse, the advisor's way to make it live anyway.
 */
export function RetrainComparison({
  trained,
  onMakeLive,
  onClose,
}: {
  trained: ModelVersionSummary;
  onMakeLive(version: number): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const comparison = trained.comparison;
  if (!comparison) return null;
  const kept = !trained.active;
  return (
    <Alert
      severity={kept ? 'warning' : 'info'}
      onClose={onClose}
      sx={{ mb: 1.5 }}
      data-testid="model-retrain-comparison"
      data-kept={kept ? 'true' : 'false'}
      action={
        kept ? (
          <Button
            color="inherit"
            size="small"
            onClick={() => onMakeLive(trained.version)}
            data-testid="model-make-live"
          >
            {t('retrainSafety.makeLive')}
          </Button>
        ) : undefined
      }
    >
      {describeComparison(comparison).map((line, i) => (
        <div key={i}>{t(line)}</div>
      ))}
    </Alert>
  );
}
