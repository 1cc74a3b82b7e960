import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import { isBackendError } from '../../api/call';
import { useChannelQuery } from '../../api/use-channel-query';
import { FactList, type Fact } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { RiskGradeChip } from '../../components/RiskGradeChip';
import { SectionCard } from '../../components/SectionCard';
import { categoryLabel } from '../../i18n/category-label';
import { rateRange, termLabel } from '../../i18n/product-facts';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';

export function ProductPage({ id }: { id: string }) {
  const { t, fmt, pickPair, language } = useI18n();
  const query = useChannelQuery(
    'products:get',
    { id },
    { reportErrors: (error) => !isBackendError(error, 'not_found') },
  );

  if (!query.data) {
    if (query.error) {
      const notFound = isBackendError(query.error, 'not_found');
      return (
        <Alert
          severity={notFound ? 'warning' : 'error'}
          sx={{ m: 2 }}
          action={<Button href="#/products">{t('nav.products')}</Button>}
        >
          {notFound ? t('product.notFound') : describeError(query.error)}
        </Alert>
      );
    }
    return (
      <Box sx={{ p: 2 }} aria-busy="true">
        <Skeleton variant="text" width={320} height={40} />
        <Skeleton variant="rounded" height={240} sx={{ mt: 2 }} />
      </Box>
    );
  }

  const p = query.data;
  const none = t('common.notSet');
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const e = p.eligibility;
  const noLimit = t('product.elig.noLimit');

  const facts: Fact[] = [
    { label: t('product.riskGrade'), value: <RiskGradeChip grade={p.riskGrade} /> },
    { label: t('products.col.family'), value: `${t(`family.${p.family}`)} · ${categoryLabel(p.category, language)}` },
    { label: t('product.rateKind'), value: t(`rateKind.${p.rateKind}`) },
    { label: t('product.rateRange'), value: rateRange(p, fmt, t), testId: 'product-rate' },
    { label: t('product.annualFee'), value: fmt.percent(p.annualFeePct) },
    { label: t('product.upfrontFee'), value: fmt.percent(p.upfrontFeePct) },
    { label: t('product.term'), value: termLabel(p.termMonths, t, fmt) },
    {
      label: t('product.lockup'),
      value: p.lockupMonths > 0 ? t('common.months', { n: p.lockupMonths }) : t('common.none'),
    },
    { label: t('product.liquidity'), value: t(`liquidityTerm.${p.liquidity}`) },
    {
      label: t('product.minimum'),
      value: p.minimumAmount > 0 ? fmt.money(p.minimumAmount, p.currency) : t('common.none'),
    },
    { label: t('product.currency'), value: p.currency },
    { label: t('product.complex'), value: yesNo(p.complex) },
    { label: t('product.insured'), value: yesNo(p.insured) },
    { label: t('product.updatedAt'), value: fmt.date(p.updatedAt) },
  ];

  const eligibility: Fact[] = [
    { label: t('product.elig.clientKinds'), value: e.clientKinds.map((k) => t(`kind.${k}`)).join(', ') },
    {
      label: t('product.elig.age'),
      value:
        e.minAge === null && e.maxAge === null
          ? noLimit
          : t('product.elig.ageRange', { min: e.minAge ?? '—', max: e.maxAge ?? '—' }),
    },
    { label: t('product.elig.minCreditScore'), value: e.minCreditScore ?? noLimit },
    // The contract does not fix the unit: a value up to 1 is read as a ratio (0.45), anything larger as percent.
    {
      label: t('product.elig.maxDebtToIncome'),
      value:
        e.maxDebtToIncome === null
          ? noLimit
          : fmt.percent(e.maxDebtToIncome <= 1 ? e.maxDebtToIncome * 100 : e.maxDebtToIncome),
    },
    {
      label: t('product.elig.minYearsTrading'),
      value: e.minYearsTrading === null ? noLimit : t('common.years', { n: e.minYearsTrading }),
    },
    {
      label: t('product.elig.minAnnualRevenue'),
      value: e.minAnnualRevenue === null ? noLimit : fmt.money(e.minAnnualRevenue, p.currency),
    },
    {
      label: t('product.elig.excludedSectors'),
      value:
        e.excludedSectors.length === 0 ? (
          t('common.none')
        ) : (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {e.excludedSectors.map((s) => (
              <Chip key={s} label={s} variant="outlined" />
            ))}
          </Box>
        ),
    },
  ];

  const attributes = Object.entries(p.customAttributes);
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        titleTestId="product-name"
        title={
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
            <Tooltip title={t('common.back')}>
              <IconButton onClick={() => window.history.back()} aria-label={t('common.back')} sx={{ mr: 1 }}>
                <ArrowBackOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
            {pickPair(p.nameEn, p.nameZh)}
          </Box>
        }
        subtitle={
          <>
            <RiskGradeChip grade={p.riskGrade} />
            <Typography variant="body2">{t(`family.${p.family}`)}</Typography>
            {p.complex && <Chip label={t('products.complex')} variant="outlined" color="warning" />}
            {p.insured && <Chip label={t('products.insured')} variant="outlined" color="success" />}
            {!p.active && <Chip label={t('products.inactive')} variant="outlined" />}
          </>
        }
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(320px, 1fr) minmax(320px, 1.4fr)' },
          gap: 1.5,
        }}
      >
        <SectionCard title={t('product.facts')}>
          <FactList facts={facts} />
        </SectionCard>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          <SectionCard title={t('product.description')}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
              {pickPair(p.descriptionEn, p.descriptionZh) || none}
            </Typography>
          </SectionCard>
          <SectionCard title={t('product.disclosure')}>
            <Alert
              severity="warning"
              variant="outlined"
              icon={false}
              sx={{ whiteSpace: 'pre-wrap' }}
              data-testid="product-disclosure"
            >
              {pickPair(p.riskDisclosureEn, p.riskDisclosureZh) || none}
            </Alert>
          </SectionCard>
          <SectionCard title={t('product.eligibility')}>
            <FactList facts={eligibility} />
          </SectionCard>
          {attributes.length > 0 && (
            <SectionCard title={t('product.custom')}>
              <FactList
                facts={attributes.map(([key, value]) => ({ label: key, value: value === null ? none : String(value) }))}
              />
            </SectionCard>
          )}
        </Box>
      </Box>
    </Box>
  );
}
