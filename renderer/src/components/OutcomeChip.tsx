import Chip from '@mui/material/Chip';
import type { Outcome } from '../../../app/domain';
import { useI18n } from '../i18n/use-i18n';

const COLORS: Record<Outcome, 'success' | 'info' | 'default' | 'error'> = {
  accepted: 'success',
  interested: 'info',
  declined: 'error',
  no_response: 'default',
};

export function OutcomeChip({ outcome }: { outcome: Outcome | null }) {
  const { t } = useI18n();
  if (!outcome) return <Chip label={t('outcome.pending')} variant="outlined" data-testid="outcome-chip" />;
  return (
    <Chip
      label={t(`outcome.${outcome}`)}
      color={COLORS[outcome]}
      variant="outlined"
      data-testid="outcome-chip"
      data-outcome={outcome}
    />
  );
}
