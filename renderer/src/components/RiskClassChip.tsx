import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { RiskClass } from '../../../app/domain';
import { useI18n } from '../i18n/use-i18n';

const COLORS: Record<RiskClass, 'success' | 'info' | 'primary' | 'warning' | 'error'> = {
  C1: 'success',
  C2: 'info',
  C3: 'primary',
  C4: 'warning',
  C5: 'error',
};

/** The client's investor risk class; testid only where the page shows "the" class of the client. */
export function RiskClassChip({
  riskClass,
  testId,
  long,
}: {
  riskClass: RiskClass | null;
  testId?: string;
  long?: boolean;
}) {
  const { t } = useI18n();
  if (!riskClass) {
    return <Chip label={t('client.riskClass.none')} variant="outlined" data-testid={testId} />;
  }
  const chip = (
    <Chip
      label={long ? t(`riskClass.${riskClass}`) : riskClass}
      color={COLORS[riskClass]}
      variant="outlined"
      data-testid={testId}
      data-risk-class={riskClass}
      sx={{ fontWeight: 500, minWidth: 40 }}
    />
  );
  return long ? chip : <Tooltip title={t(`riskClass.${riskClass}`)}>{chip}</Tooltip>;
}
