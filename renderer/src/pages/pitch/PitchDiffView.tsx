import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { PitchDraftContent } from '../../../../app/contract';
import type { Language } from '../../../../app/domain/enums';
import { changed, diffText, type DiffPart } from '../../../../app/pitch/text-diff';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';

const FIELDS = ['headline', 'body', 'keyPoints', 'risks', 'nextStep'] as const;

const textOf = (content: PitchDraftContent, field: (typeof FIELDS)[number]): string => {
  const value = content[field];
  return Array.isArray(value) ? value.join('\n') : value;
};

function Part({ part }: { part: DiffPart }) {
  const { t } = useI18n();
  if (part.kind === 'same') return <span>{part.text}</span>;
  const added = part.kind === 'added';
  return (
    <Box
      component={added ? 'ins' : 'del'}
      data-diff={part.kind}
      title={t(added ? 'pitchEditor.added' : 'pitchEditor.removed')}
      sx={{
        bgcolor: added ? 'success.light' : 'error.light',
        color: added ? 'success.contrastText' : 'error.contrastText',
        textDecorationThickness: '1px',
        borderRadius: 0.5,
        px: 0.25,
      }}
    >
      {part.text}
    </Box>
  );
}

/**
 * What the advisor changed in the machine's draft, part by part and word by word (Chinese by its words: it has no
 * spaces). Shown only for the parts that differ; nothing when the text is the machine's own.
 */
export function PitchDiffView({
  machine,
  machineVersion,
  current,
  language,
}: {
  machine: PitchDraftContent;
  machineVersion: number;
  current: PitchDraftContent;
  language: Language;
}) {
  const { t } = useI18n();
  const fields = useMemo(
    () =>
      FIELDS.map((field) => ({
        field,
        parts: diffText(textOf(machine, field), textOf(current, field), language),
      })).filter((f) => changed(f.parts)),
    [machine, current, language],
  );
  if (fields.length === 0) return null;
  return (
    <SectionCard title={t('pitchEditor.diffTitle', { version: machineVersion })} testId="pitch-diff">
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('pitchEditor.diffLegend')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1 }} lang={language}>
        {fields.map(({ field, parts }) => (
          <Box key={field} data-testid="pitch-diff-field" data-field={field}>
            <Typography variant="overline" color="text.secondary">
              {t(`pitch.field.${field}`)}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {parts.map((part, i) => (
                <Part key={i} part={part} />
              ))}
            </Typography>
          </Box>
        ))}
      </Box>
    </SectionCard>
  );
}
