import Chip from '@mui/material/Chip';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import { isOlderThanTwelveMonths, localToday } from '../i18n/format';
import { useI18n } from '../i18n/use-i18n';

/** Says whether the KYC review is current; stale or missing KYC blocks recommendations, so it warns. */
export function KycChip({ reviewedAt }: { reviewedAt: string | null }) {
  const { t } = useI18n();
  if (!reviewedAt) {
    return (
      <Chip icon={<WarningAmberOutlined />} color="warning" label={t('client.kyc.missing')} data-testid="kyc-warning" />
    );
  }
  if (isOlderThanTwelveMonths(reviewedAt, localToday())) {
    return (
      <Chip icon={<WarningAmberOutlined />} color="warning" label={t('client.kyc.stale')} data-testid="kyc-warning" />
    );
  }
  return <Chip color="success" variant="outlined" label={t('client.kyc.current')} />;
}
