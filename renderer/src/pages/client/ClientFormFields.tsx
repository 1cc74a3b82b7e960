import Box from '@mui/material/Box';
import { CREDIT_RATINGS, KNOWLEDGE_LEVELS, LANGUAGES, LIQUIDITY_NEEDS } from '../../../../app/domain';
import type { MessageKey } from '../../../../app/messages';
import { useI18n } from '../../i18n/use-i18n';
import { CustomAttributesEditor } from './CustomAttributesEditor';
import { FormCheckbox } from './FormCheckbox';
import { FormSection } from './FormSection';
import { FormTextField, type FieldOption } from './FormTextField';
import { ObjectivesField } from './ObjectivesField';
import type { ProfileDraft } from './profile-draft';

interface Props {
  draft: ProfileDraft;
  set<K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]): void;
  /** Messages per field, already in the current language. */
  errors: Map<string, string>;
  creating: boolean;
}

type TextFieldName = { [K in keyof ProfileDraft]: ProfileDraft[K] extends string ? K : never }[keyof ProfileDraft];

/** Every ClientProfile field, grouped the way a KYC file is; business and individual fields swap with the kind. */
export function ClientFormFields({ draft, set, errors, creating }: Props) {
  const { t } = useI18n();
  const individual = draft.kind === 'individual';

  const text = (name: TextFieldName, extra: Partial<Parameters<typeof FormTextField>[0]> = {}) => (
    <FormTextField
      name={name}
      label={t(`field.${name}` as MessageKey)}
      value={draft[name]}
      onChange={(value) => set(name, value as ProfileDraft[typeof name])}
      error={errors.get(name)}
      {...extra}
    />
  );
  const money = (name: TextFieldName, required = false) => text(name, { inputMode: 'decimal', required });
  const whole = (name: TextFieldName, required = false) => text(name, { inputMode: 'numeric', required });
  const date = (name: TextFieldName, required = false) => text(name, { hint: t('form.dateHint'), required });
  const choice = (name: TextFieldName, options: FieldOption[]) => text(name, { options });

  return (
    <Box>
      <FormSection title={t('form.section.identity')}>
        {choice('kind', [
          { value: 'individual', label: t('kind.individual') },
          { value: 'business', label: t('kind.business') },
        ])}
        {text('displayName', { required: true, autoFocus: creating, gridColumn: 'span 2' })}
        {choice(
          'language',
          LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
        )}
        {text('email', { type: 'email', inputMode: 'email' })}
        {text('phone', { type: 'tel', inputMode: 'tel' })}
        {text('city')}
        {individual ? date('birthDate', true) : date('foundedDate', true)}
        {individual ? text('occupation') : text('sector', { required: true })}
        {!individual && whole('employees')}
      </FormSection>

      <FormSection title={t('form.section.financial')}>
        {individual ? money('annualIncome') : money('annualRevenue')}
        {money('monthlyExpenses')}
        {money('investableAssets', true)}
        {money('totalAssets', true)}
        {money('liabilities', true)}
        {money('monthlyDebtPayments', true)}
        {individual && whole('dependents', true)}
        {whole('creditScore')}
        {!individual &&
          choice('creditRating', [
            { value: '', label: t('common.notSet') },
            ...CREDIT_RATINGS.map((r) => ({ value: r, label: r })),
          ])}
      </FormSection>

      <FormSection title={t('form.section.objectives')}>
        <ObjectivesField
          value={draft.objectives}
          onChange={(value) => set('objectives', value)}
          error={errors.get('objectives')}
        />
        {text('horizonYears', { inputMode: 'decimal', required: true })}
        {choice(
          'liquidityNeed',
          LIQUIDITY_NEEDS.map((l) => ({ value: l, label: t(`liquidityNeed.${l}`) })),
        )}
        {choice('sustainabilityPreference', [
          { value: 'unknown', label: t('common.notAsked') },
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ])}
      </FormSection>

      <FormSection title={t('form.section.knowledge')}>
        {choice(
          'knowledgeLevel',
          KNOWLEDGE_LEVELS.map((k) => ({ value: k, label: t(`knowledge.${k}`) })),
        )}
        {whole('experienceYears', true)}
        <FormCheckbox
          name="complexProductExperience"
          label={t('field.complexProductExperience')}
          checked={draft.complexProductExperience}
          onChange={(value) => set('complexProductExperience', value)}
          error={errors.get('complexProductExperience')}
        />
        <FormCheckbox
          name="professionalInvestor"
          label={t('field.professionalInvestor')}
          checked={draft.professionalInvestor}
          onChange={(value) => set('professionalInvestor', value)}
          error={errors.get('professionalInvestor')}
        />
      </FormSection>

      <FormSection title={t('form.section.compliance')}>
        {date('kycReviewedAt')}
        {text('notes', { multiline: true, minRows: 3, gridColumn: '1 / -1' })}
        <CustomAttributesEditor
          value={draft.customAttributes}
          onChange={(value) => set('customAttributes', value)}
          error={errors.get('customAttributes')}
        />
      </FormSection>
    </Box>
  );
}
