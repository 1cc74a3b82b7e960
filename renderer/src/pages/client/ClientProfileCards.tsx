import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { Client } from '../../../../app/domain';
import { FactList, type Fact } from '../../components/FactList';
import { KycChip } from '../../components/KycChip';
import { RiskClassChip } from '../../components/RiskClassChip';
import { SectionCard } from '../../components/SectionCard';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { ageOn } from './client-age';

/** The client file at a glance: what KYC and suitability rules look at, one card per topic. */
export function ClientProfileCards({ client }: { client: Client }) {
  const { t, fmt } = useI18n();
  const today = localToday();
  const none = t('common.notSet');
  const money = (value: number | null) => (value === null ? none : fmt.money(value));
  const yesNo = (value: boolean | null) =>
    value === null ? t('common.notAsked') : value ? t('common.yes') : t('common.no');
  const individual = client.kind === 'individual';

  const identity: Fact[] = [
    { label: t('field.kind'), value: t(`kind.${client.kind}`) },
    individual
      ? {
          label: t('field.birthDate'),
          value: client.birthDate
            ? `${fmt.date(client.birthDate)} (${t('client.age', { age: ageOn(client.birthDate, today) })})`
            : none,
        }
      : { label: t('field.foundedDate'), value: client.foundedDate ? fmt.date(client.foundedDate) : none },
    individual
      ? { label: t('field.occupation'), value: client.occupation ?? none }
      : { label: t('field.sector'), value: client.sector ?? none },
    ...(individual
      ? []
      : [{ label: t('field.employees'), value: client.employees === null ? none : fmt.number(client.employees) }]),
    { label: t('field.language'), value: t(`language.${client.language}`) },
    { label: t('field.email'), value: client.email ?? none },
    { label: t('field.phone'), value: client.phone ?? none },
    { label: t('field.city'), value: client.city ?? none },
  ];

  const financial: Fact[] = [
    individual
      ? { label: t('field.annualIncome'), value: money(client.annualIncome) }
      : { label: t('field.annualRevenue'), value: money(client.annualRevenue) },
    { label: t('field.monthlyExpenses'), value: money(client.monthlyExpenses) },
    { label: t('field.investableAssets'), value: money(client.investableAssets) },
    { label: t('field.totalAssets'), value: money(client.totalAssets) },
    { label: t('field.liabilities'), value: money(client.liabilities) },
    { label: t('field.monthlyDebtPayments'), value: money(client.monthlyDebtPayments) },
    ...(individual ? [{ label: t('field.dependents'), value: fmt.number(client.dependents) }] : []),
    { label: t('field.creditScore'), value: client.creditScore === null ? none : String(client.creditScore) },
    ...(individual ? [] : [{ label: t('field.creditRating'), value: client.creditRating ?? none }]),
  ];

  const objectives: Fact[] = [
    {
      label: t('field.objectives'),
      value:
        client.objectives.length === 0 ? (
          none
        ) : (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {client.objectives.map((o) => (
              <Chip key={o} label={t(`objective.${o}`)} variant="outlined" />
            ))}
          </Box>
        ),
    },
    {
      label: t('field.horizonYears'),
      value: t('common.years', { n: fmt.number(client.horizonYears, client.horizonYears % 1 === 0 ? 0 : 1) }),
    },
    { label: t('field.liquidityNeed'), value: t(`liquidityNeed.${client.liquidityNeed}`) },
    { label: t('field.sustainabilityPreference'), value: yesNo(client.sustainabilityPreference) },
  ];

  const knowledge: Fact[] = [
    { label: t('field.knowledgeLevel'), value: t(`knowledge.${client.knowledgeLevel}`) },
    { label: t('field.experienceYears'), value: t('common.years', { n: client.experienceYears }) },
    { label: t('field.complexProductExperience'), value: yesNo(client.complexProductExperience) },
    { label: t('field.professionalInvestor'), value: yesNo(client.professionalInvestor) },
  ];

  const attributes = Object.entries(client.customAttributes);
  const attributeValue = (value: string | number | boolean | null) =>
    value === null
      ? none
      : typeof value === 'boolean'
        ? yesNo(value)
        : typeof value === 'number'
          ? fmt.number(value, value % 1 === 0 ? 0 : 2)
          : value;

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 1.5 }}>
      <SectionCard title={t('client.card.identity')} testId="card-identity">
        <FactList facts={identity} />
      </SectionCard>
      <SectionCard title={t('client.card.financial')} testId="card-financial">
        <FactList facts={financial} />
      </SectionCard>
      <SectionCard title={t('client.card.objectives')} testId="card-objectives">
        <FactList facts={objectives} />
      </SectionCard>
      <SectionCard title={t('client.card.knowledge')} testId="card-knowledge">
        <FactList facts={knowledge} />
      </SectionCard>
      <SectionCard title={t('client.card.risk')} testId="card-risk">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <RiskClassChip riskClass={client.riskClass} long />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {client.questionnaire
            ? `${t('client.questionnaireDate', { date: fmt.date(client.questionnaire.completedAt) })} · ${t('client.questionnaireScore', { score: client.questionnaire.score })} · ${t('questionnaire.version', { version: client.questionnaire.questionnaireVersion })}`
            : t('client.questionnaire.never')}
        </Typography>
      </SectionCard>
      <SectionCard title={t('client.card.kyc')} testId="card-kyc">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <KycChip reviewedAt={client.kycReviewedAt} />
          {client.kycReviewedAt && (
            <Typography variant="body2" data-testid="kyc-date">
              {t('client.kyc.reviewedOn', { date: fmt.date(client.kycReviewedAt) })}
            </Typography>
          )}
        </Box>
      </SectionCard>
      <SectionCard title={t('client.card.notes')} testId="card-notes">
        <Typography
          variant="body2"
          sx={{ whiteSpace: 'pre-wrap', color: client.notes ? 'text.primary' : 'text.secondary' }}
          data-testid="client-notes"
        >
          {client.notes || t('client.notes.empty')}
        </Typography>
      </SectionCard>
      <SectionCard title={t('client.card.custom')} testId="card-custom">
        {attributes.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('client.custom.empty')}
          </Typography>
        ) : (
          <FactList facts={attributes.map(([key, value]) => ({ label: key, value: attributeValue(value) }))} />
        )}
      </SectionCard>
    </Box>
  );
}
