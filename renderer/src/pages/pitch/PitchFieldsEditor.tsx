import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import type { PitchDraftContent, PitchIssueView } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { HighlightedText } from './HighlightedText';
import { marksFor, worstSeverity, type DraftFieldName } from './issue-spans';

interface Props {
  content: PitchDraftContent;
  issues: readonly PitchIssueView[];
  readOnly: boolean;
  onChange(content: PitchDraftContent): void;
}

function OneField({
  field,
  item,
  label,
  value,
  issues,
  multiline,
  rows = 1,
  readOnly,
  onChange,
}: {
  field: DraftFieldName;
  item: number | null;
  label: string;
  value: string;
  issues: readonly PitchIssueView[];
  multiline?: boolean;
  /** Rows a multiline field shows before it grows with its text. */
  rows?: number;
  readOnly: boolean;
  onChange(value: string): void;
}) {
  const marks = marksFor(issues, field, item, value);
  const severity = worstSeverity(issues, field, item);
  const testId = item === null ? `pitch-field-${field}` : `pitch-field-${field}-${item}`;
  return (
    <Box data-testid={`${testId}-box`} data-severity={severity ?? 'none'} sx={{ flexGrow: 1, minWidth: 0 }}>
      <TextField
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        fullWidth
        size="small"
        multiline={multiline}
        minRows={multiline ? rows : undefined}
        error={severity === 'blocking'}
        color={severity === 'warning' ? 'warning' : undefined}
        focused={severity === 'warning' ? true : undefined}
        slotProps={{ htmlInput: { 'data-testid': testId, readOnly } }}
      />
      {marks.length > 0 && <HighlightedText text={value} marks={marks} />}
    </Box>
  );
}

function ListField({
  field,
  label,
  items,
  issues,
  readOnly,
  onChange,
}: {
  field: 'keyPoints' | 'risks';
  label: string;
  items: string[];
  issues: readonly PitchIssueView[];
  readOnly: boolean;
  onChange(items: string[]): void;
}) {
  const { t } = useI18n();
  return (
    <Box data-testid={`pitch-list-${field}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 0.75 }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>
          {label}
        </Typography>
        {!readOnly && items.length < 12 && (
          <Button
            size="small"
            startIcon={<AddOutlined />}
            onClick={() => onChange([...items, ''])}
            data-testid={`pitch-add-${field}`}
          >
            {t('pitch.addItem')}
          </Button>
        )}
      </Box>
      <Box sx={{ display: 'grid', gap: 1 }}>
        {items.map((value, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
            <OneField
              field={field}
              item={i}
              label={t('pitch.item', { n: i + 1 })}
              value={value}
              issues={issues}
              multiline
              readOnly={readOnly}
              onChange={(next) => onChange(items.map((old, j) => (j === i ? next : old)))}
            />
            {!readOnly && (
              <Tooltip title={t('pitch.removeItem', { n: i + 1 })}>
                <IconButton
                  size="small"
                  aria-label={t('pitch.removeItem', { n: i + 1 })}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                  sx={{ mt: 0.5 }}
                >
                  <DeleteOutlineOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** The five parts of a pitch as editable fields, each with the lint's problems marked where they are. */
export function PitchFieldsEditor({ content, issues, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof PitchDraftContent>(key: K, value: PitchDraftContent[K]) =>
    onChange({ ...content, [key]: value });
  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="pitch-editor">
      <OneField
        field="headline"
        item={null}
        label={t('pitch.field.headline')}
        value={content.headline}
        issues={issues}
        multiline
        readOnly={readOnly}
        onChange={(v) => set('headline', v)}
      />
      <OneField
        field="body"
        item={null}
        label={t('pitch.field.body')}
        value={content.body}
        issues={issues}
        multiline
        rows={4}
        readOnly={readOnly}
        onChange={(v) => set('body', v)}
      />
      <ListField
        field="keyPoints"
        label={t('pitch.field.keyPoints')}
        items={content.keyPoints}
        issues={issues}
        readOnly={readOnly}
        onChange={(v) => set('keyPoints', v)}
      />
      <ListField
        field="risks"
        label={t('pitch.field.risks')}
        items={content.risks}
        issues={issues}
        readOnly={readOnly}
        onChange={(v) => set('risks', v)}
      />
      <OneField
        field="nextStep"
        item={null}
        label={t('pitch.field.nextStep')}
        value={content.nextStep}
        issues={issues}
        multiline
        readOnly={readOnly}
        onChange={(v) => set('nextStep', v)}
      />
    </Box>
  );
}
