import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import HighlightOff from '@mui/icons-material/CancelOutlined';
import type { ReactNode } from 'react';
import type { AdviceRecord, PitchAdviceRecord } from '../../../../app/records/advice-record';
import type { MessageKey } from '../../../../app/messages';
import { useChannelQuery } from '../../api/use-channel-query';
import { FactList } from '../../components/FactList';
import { LoadError } from '../../components/LoadError';
import { RiskClassChip } from '../../components/RiskClassChip';
import { RiskGradeChip } from '../../components/RiskGradeChip';
import { useI18n } from '../../i18n/use-i18n';
import { PitchTextView } from './PitchTextView';
import { kindLabel } from './record-filter';
import type { RiskClass } from '../../../../app/domain';

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Box component="section" sx={{ py: 1.25 }} data-testid={testId}>
      <Typography
        variant="subtitle2"
        component="h3"
        color="text.secondary"
        sx={{ textTransform: 'uppercase', letterSpacing: 0.4, fontSize: '0.75rem', mb: 0.75 }}
      >
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** Whole years between a birth date and the day the record was made. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** One advice record as it was frozen: everything a compliance officer checks, read-only. */
export function RecordPreviewDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useI18n();
  const stored = useChannelQuery('records:get', { id: id ?? '' }, { enabled: id !== null });
  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      // Above the app bar (which sits above the navigation drawer), so the title and Close are never under it; only
      // the record scrolls.
      sx={{ zIndex: (theme) => theme.zIndex.drawer + 2 }}
      slotProps={{
        paper: {
          sx: { width: { xs: '100%', md: 620 }, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
          'data-testid': 'record-preview',
        } as object,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 1.5 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }} noWrap>
          {t('compliance.preview.title', { id: id ?? '' })}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('compliance.preview.close')} data-testid="record-preview-close">
          <CloseOutlined />
        </IconButton>
      </Box>
      {stored.isFetching && !stored.data && <LinearProgress />}
      {stored.error && !stored.data && <LoadError error={stored.error} onRetry={() => void stored.refetch()} />}
      {stored.data && id !== null && stored.data.record.id === id && (
        <RecordView record={stored.data.record} hash={stored.data.contentHash} intact={stored.data.intact} />
      )}
    </Drawer>
  );
}

function RecordView({ record, hash, intact }: { record: AdviceRecord; hash: string; intact: boolean }) {
  const { t, fmt } = useI18n();
  if (record.kind === 'pitch-approved') return <RecordBody record={record} hash={hash} intact={intact} />;
  // Other kinds (a ranking presented, a correction) are shown by their exports; here: who, when, and the hash.
  const kind = kindLabel(record.kind);
  return (
    <Box sx={{ px: 2, pb: 3, overflowY: 'auto', flexGrow: 1, minHeight: 0 }}>
      <Typography variant="body2" color="text.secondary">
        {t('compliance.preview.made', { when: fmt.dateTime(record.createdAt) })} · {record.advisor}
      </Typography>
      <Alert
        severity={intact ? 'success' : 'error'}
        sx={{ mt: 1 }}
        data-testid="record-preview-integrity"
        data-intact={intact}
      >
        {t(intact ? 'compliance.preview.intact' : 'compliance.preview.broken')}
      </Alert>
      <Typography variant="body2" sx={{ mt: 1.5 }}>
        {t('compliance.preview.otherKind', { kind: kind ? t(kind) : record.kind, client: record.client.id })}
      </Typography>
      <HashSection hash={hash} />
    </Box>
  );
}

function RecordBody({ record, hash, intact }: { record: PitchAdviceRecord; hash: string; intact: boolean }) {
  const { t, fmt, pick, pickPair } = useI18n();
  const client = record.client as AdviceRecord['client'] & Record<string, unknown>;
  const profile = ('profile' in client ? client.profile : client) as Record<string, unknown> & {
    displayName: string;
  };
  const day = record.createdAt.slice(0, 10);
  const questionnaire = client.questionnaire as { questionnaireVersion: string; score: number } | null | undefined;
  const source = record.pitch.machineDraft?.source;
  const sourceLabel = source ? t(`compliance.preview.source.${source}` as MessageKey) : '';
  const fieldLabel = (field: string) => t(`pitch.field.${field}` as MessageKey);
  return (
    <Box sx={{ px: 2, pb: 3, overflowY: 'auto', flexGrow: 1, minHeight: 0 }}>
      <Typography variant="body2" color="text.secondary">
        {t('compliance.preview.made', { when: fmt.dateTime(record.createdAt) })} ·{' '}
        {t('compliance.preview.people', { advisor: record.advisor, approver: record.approver ?? '—' })}
      </Typography>
      <Alert
        severity={intact ? 'success' : 'error'}
        sx={{ mt: 1 }}
        data-testid="record-preview-integrity"
        data-intact={intact}
      >
        {t(intact ? 'compliance.preview.intact' : 'compliance.preview.broken')}
      </Alert>

      <Section title={t('compliance.preview.client')} testId="record-preview-client">
        <Typography sx={{ fontWeight: 600, mb: 0.5 }}>
          {profile.displayName}{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            ({client.id})
          </Typography>
        </Typography>
        <FactList
          facts={[
            {
              label: t('compliance.preview.riskClass'),
              value: <RiskClassChip riskClass={client.riskClass as RiskClass | null} long />,
            },
            ...(typeof profile.birthDate === 'string'
              ? [{ label: t('compliance.preview.age'), value: String(ageOn(profile.birthDate, day)) }]
              : []),
            { label: t('compliance.preview.assets'), value: fmt.money(Number(profile.investableAssets ?? 0)) },
            ...(typeof profile.annualIncome === 'number'
              ? [{ label: t('compliance.preview.income'), value: fmt.money(profile.annualIncome) }]
              : []),
            {
              label: t('compliance.preview.horizon'),
              value: t('compliance.preview.horizonYears', { years: Number(profile.horizonYears ?? 0) }),
            },
            {
              label: t('compliance.preview.knowledge'),
              value: t('compliance.preview.experienceYears', {
                level: t(`knowledge.${String(profile.knowledgeLevel)}` as MessageKey),
                years: Number(profile.experienceYears ?? 0),
              }),
            },
            {
              label: t('compliance.preview.kyc'),
              value: typeof profile.kycReviewedAt === 'string' ? fmt.date(profile.kycReviewedAt) : '—',
            },
            ...(questionnaire
              ? [
                  {
                    label: t('compliance.preview.questionnaire'),
                    value: t('compliance.preview.questionnaireScore', {
                      version: questionnaire.questionnaireVersion,
                      score: questionnaire.score,
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Divider />

      <Section title={t('compliance.preview.product')}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>{pickPair(record.product.nameEn, record.product.nameZh)}</Typography>
          <RiskGradeChip grade={record.product.riskGrade} />
          <Typography variant="body2" color="text.secondary">
            {record.product.id}
          </Typography>
        </Box>
      </Section>
      <Divider />

      <Section title={t('compliance.preview.suitability')} testId="record-preview-suitability">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.75 }}>
          <Chip
            color={record.suitability.suitable ? 'success' : 'error'}
            label={t(record.suitability.suitable ? 'compliance.preview.suitable' : 'compliance.preview.notSuitable')}
          />
          <Typography variant="body2" color="text.secondary">
            {t('compliance.preview.ruleSet', {
              id: record.suitability.ruleSet.id,
              version: record.suitability.ruleSet.version,
            })}
          </Typography>
        </Box>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {record.suitability.reasons.map((reason) => (
            <Box
              component="li"
              key={reason.ruleId}
              sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.25 }}
            >
              {reason.passed ? (
                <CheckCircleOutline color="success" sx={{ fontSize: 18, mt: 0.25 }} />
              ) : (
                <HighlightOff color="error" sx={{ fontSize: 18, mt: 0.25 }} />
              )}
              <Typography variant="body2">{pick(reason.text)}</Typography>
            </Box>
          ))}
        </Box>
      </Section>
      <Divider />

      <Section title={t('compliance.preview.deviation')}>
        {record.deviation ? (
          <>
            <Alert severity="warning" sx={{ mb: 0.5 }}>
              {pick(record.deviation.warning)}
            </Alert>
            <Typography variant="body2">
              {t('compliance.preview.deviationBy', {
                who: record.deviation.acknowledgedBy,
                when: fmt.dateTime(record.deviation.acknowledgedAt),
                reason: record.deviation.reason,
              })}
            </Typography>
          </>
        ) : (
          <Typography variant="body2">{t('compliance.preview.noDeviation')}</Typography>
        )}
      </Section>
      <Divider />

      <Section title={t('compliance.preview.ranking')}>
        <Typography variant="body2" data-testid="record-preview-ranking">
          {record.ranking
            ? t('compliance.preview.rankingPlace', {
                position: record.ranking.position,
                when: fmt.dateTime(record.ranking.shownAt),
                probability: fmt.percent(record.ranking.probability * 100),
              })
            : t('compliance.preview.notRanked')}
        </Typography>
      </Section>
      <Divider />

      <Section
        title={t('compliance.preview.finalText', {
          version: record.pitch.approvedVersion,
          language: t(`language.${record.pitch.language}` as MessageKey),
        })}
        testId="record-preview-text"
      >
        <PitchTextView text={record.pitch.finalText} fieldLabel={fieldLabel} />
      </Section>
      <Divider />

      <Section title={t('compliance.preview.changes')}>
        <Typography variant="body2">
          {!source
            ? t('compliance.preview.advisorWritten')
            : record.pitch.changes.length === 0
              ? t('compliance.preview.noChanges', { source: sourceLabel })
              : t('compliance.preview.changedFields', {
                  source: sourceLabel,
                  fields: record.pitch.changes.map((c) => fieldLabel(c.field)).join(', '),
                })}
        </Typography>
        {record.pitch.changes.map((change) => (
          <Box key={change.field} sx={{ mt: 1 }}>
            <Typography variant="caption" color="text.secondary">
              {fieldLabel(change.field)}
            </Typography>
            <Typography variant="body2" sx={{ textDecoration: 'line-through', color: 'text.secondary' }}>
              {[change.machine].flat().join(' · ')}
            </Typography>
            <Typography variant="body2">{[change.final].flat().join(' · ')}</Typography>
          </Box>
        ))}
      </Section>
      <Divider />

      <Section title={t('compliance.preview.disclosures')}>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {record.pitch.disclosures.map((text, i) => (
            <li key={i}>
              <Typography variant="body2">{pick(text)}</Typography>
            </li>
          ))}
        </Box>
      </Section>
      <Divider />

      <HashSection hash={hash} />
    </Box>
  );
}

/** The record's stored sha256, in full: what an export's manifest and a report's footer quote. */
function HashSection({ hash }: { hash: string }) {
  const { t } = useI18n();
  return (
    <Section title={t('compliance.preview.hash')}>
      <Typography
        variant="body2"
        sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
        data-testid="record-preview-hash"
      >
        {hash}
      </Typography>
    </Section>
  );
}
