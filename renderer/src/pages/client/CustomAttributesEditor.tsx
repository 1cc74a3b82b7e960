import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useI18n } from '../../i18n/use-i18n';
import type { AttributeDraft, AttributeType } from './profile-draft';

interface Props {
  value: AttributeDraft[];
  onChange(value: AttributeDraft[]): void;
  error?: string;
}

const TYPES: AttributeType[] = ['text', 'number', 'boolean', 'empty'];

/** Imported attributes keep their type (text, number, yes/no, empty) because they feed the model as features. */
export function CustomAttributesEditor({ value, onChange, error }: Props) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<AttributeDraft>) =>
    onChange(value.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <Box sx={{ gridColumn: '1 / -1' }} data-testid="field-customAttributes">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('field.customAttributes')}
      </Typography>
      {value.map((attr, index) => (
        <Box
          key={index}
          sx={{ display: 'grid', gridTemplateColumns: '1fr 130px 1fr auto', gap: 1, mb: 1, alignItems: 'center' }}
        >
          <TextField
            label={t('form.attr.key')}
            value={attr.key}
            onChange={(event) => update(index, { key: event.target.value })}
            slotProps={{ htmlInput: { 'data-testid': `field-customAttributes-key-${index}`, maxLength: 64 } }}
          />
          <TextField
            select
            label={t('form.attr.type')}
            value={attr.type}
            onChange={(event) => {
              const type = event.target.value as AttributeType;
              update(index, { type, value: type === 'boolean' ? 'true' : type === 'empty' ? '' : attr.value });
            }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': `field-customAttributes-type-${index}` },
            }}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`form.attr.type.${type}`)}
              </option>
            ))}
          </TextField>
          {attr.type === 'boolean' ? (
            <TextField
              select
              label={t('form.attr.value')}
              value={attr.value}
              onChange={(event) => update(index, { value: event.target.value })}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': `field-customAttributes-value-${index}` },
              }}
            >
              <option value="true">{t('common.yes')}</option>
              <option value="false">{t('common.no')}</option>
            </TextField>
          ) : (
            <TextField
              label={t('form.attr.value')}
              value={attr.value}
              disabled={attr.type === 'empty'}
              onChange={(event) => update(index, { value: event.target.value })}
              slotProps={{
                htmlInput: {
                  'data-testid': `field-customAttributes-value-${index}`,
                  inputMode: attr.type === 'number' ? 'decimal' : 'text',
                },
              }}
            />
          )}
          <IconButton aria-label={t('form.attr.remove')} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button startIcon={<AddOutlined />} onClick={() => onChange([...value, { key: '', type: 'text', value: '' }])}>
        {t('form.attr.add')}
      </Button>
      {error && (
        <FormHelperText error data-testid="field-error-customAttributes">
          {error}
        </FormHelperText>
      )}
    </Box>
  );
}
