import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import ExpandLessOutlined from '@mui/icons-material/ExpandLessOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import type { Client } from '../../../../app/domain';
import { KycChip } from '../../components/KycChip';
import { RiskClassChip } from '../../components/RiskClassChip';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { ageOn } from './client-age';

/** The client's id, shown beside the name everywhere two clients may share a name. */
export function ClientIdTag({ id, testId }: { id: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Box
      component="span"
      title={t('clientPage.id', { id })}
      data-testid={testId}
      sx={{ color: 'text.secondary', fontFamily: 'monospace', fontSize: '0.85em', fontWeight: 400 }}
    >
      {id}
    </Box>
  );
}

/**
 * What an advisor needs in view during the conversation, on one or two lines under the name: type and age, segment,
 * risk profile, KYC, investable assets and objectives. The full file is one click away.
 */
export function ClientSummary({
  client,
  detailsOpen,
  onToggleDetails,
}: {
  client: Client;
  detailsOpen: boolean;
  onToggleDetails(): void;
}) {
  const { t, fmt } = useI18n();
  const segment = client.customAttributes['segment'];
  const kind =
    client.kind === 'individual' && client.birthDate
      ? `${t('kind.individual')} · ${t('client.age', { age: ageOn(client.birthDate, localToday()) })}`
      : t(`kind.${client.kind}`);
  const parts = [
    kind,
    ...(client.city ? [client.city] : []),
    ...(typeof segment === 'string' && segment ? [t('clientPage.summary.segment', { segment })] : []),
  ];
  return (
    <Box
      component="section"
      aria-label={t('clientPage.summary.label')}
      data-testid="client-summary"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', color: 'text.secondary' }}
    >
      <Typography variant="body2" data-testid="client-summary-kind">
        {parts.join(' · ')}
      </Typography>
      <RiskClassChip riskClass={client.riskClass} testId="risk-class" />
      <KycChip reviewedAt={client.kycReviewedAt} />
      <Typography variant="body2" color="text.primary" data-testid="client-summary-investable">
        {t('clientPage.summary.investable', { amount: fmt.money(client.investableAssets) })}
      </Typography>
      {client.objectives.length === 0 ? (
        <Typography variant="body2">{t('clientPage.summary.noObjectives')}</Typography>
      ) : (
        <Box
          component="span"
          sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}
          aria-label={t('field.objectives')}
        >
          {client.objectives.map((o) => (
            <Chip key={o} size="small" variant="outlined" label={t(`objective.${o}`)} />
          ))}
        </Box>
      )}
      <Button
        size="small"
        onClick={onToggleDetails}
        endIcon={detailsOpen ? <ExpandLessOutlined /> : <ExpandMoreOutlined />}
        aria-expanded={detailsOpen}
        aria-controls="client-profile-details"
        data-testid="client-details-toggle"
      >
        {detailsOpen ? t('clientPage.details.hide') : t('clientPage.details.show')}
      </Button>
    </Box>
  );
}
