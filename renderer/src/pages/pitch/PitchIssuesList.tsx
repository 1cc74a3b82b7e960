import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import type { PitchIssueView } from '../../../../app/contract';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';

/** The compliance lint's findings for the text shown, blocking first, each quoting what it points at. */
export function PitchIssuesList({ issues, checking }: { issues: readonly PitchIssueView[]; checking: boolean }) {
  const { t, pick } = useI18n();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
  return (
    <SectionCard title={t('pitch.issues.title')} testId="pitch-issues">
      {checking && (
        <LinearProgress
          aria-label={t('pitch.issues.checking')}
          sx={{ mb: 1, height: 2 }}
          data-testid="pitch-checking"
        />
      )}
      {sorted.length === 0 ? (
        <Box
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75, color: 'success.main' }}
          data-testid="pitch-issues-none"
        >
          <CheckCircleOutlined fontSize="small" />
          <Typography variant="body2">{t('pitch.issues.none')}</Typography>
        </Box>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
          {sorted.map((issue, i) => (
            <Box
              component="li"
              key={`${issue.ruleId}-${i}`}
              data-testid="pitch-issue"
              data-severity={issue.severity}
              data-rule={issue.ruleId}
            >
              <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start' }}>
                <Chip
                  size="small"
                  label={t(`pitch.severity.${issue.severity}`)}
                  color={issue.severity === 'blocking' ? 'error' : 'warning'}
                  variant={issue.severity === 'blocking' ? 'filled' : 'outlined'}
                  sx={{ flexShrink: 0, height: 20, fontSize: '0.7rem' }}
                />
                <Typography variant="body2">{pick(issue.message)}</Typography>
              </Box>
              {issue.spans.length > 0 && (
                <Typography variant="caption" color="text.secondary" component="div" sx={{ pl: 1, mt: 0.25 }}>
                  {issue.spans
                    .map(
                      (span) =>
                        `${t(`pitch.field.${span.field}`)}${span.item !== null ? ` ${span.item + 1}` : ''}: “${span.text}”`,
                    )
                    .join(' · ')}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </SectionCard>
  );
}
