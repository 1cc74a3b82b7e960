import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ExcludedProduct } from '../../../../app/contract';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { inputTestId } from '../../components/input-test-id';
import { useI18n } from '../../i18n/use-i18n';
import { describeError } from '../../notify/notify-context';

interface Props {
  clientId: string;
  product: ExcludedProduct;
  onClose(): void;
}

/**
 * The client insists on a product above their risk class. The backend decides whether that may be recorded
 * (never for C1, within the rule set's limit, no other rule failing) and supplies the warning; the advisor shows
 * it, ticks that the client acknowledged it, and writes down the client's reason. Nothing is recorded otherwise.
 */
export function DeviationDialog({ clientId, product, onClose }: Props) {
  const { t, pickPair } = useI18n();
  const preview = useChannelQuery(
    'deviations:preview',
    { clientId, productId: product.productId },
    { reportErrors: false },
  );
  const [acknowledged, setAcknowledged] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const name = pickPair(product.nameEn, product.nameZh);
  const recording = useChannelMutation('deviations:record', {
    success: () => t('deviation.recorded', { product: name }),
  });
  const busy = recording.isPending;
  const p = preview.data;
  const reasonMissing = reason.trim() === '';

  const record = () => {
    setTouched(true);
    if (!acknowledged || reasonMissing) return;
    recording.mutate(
      { clientId, productId: product.productId, acknowledged: true, reason: reason.trim() },
      { onSuccess: onClose },
    );
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="deviation-dialog"
      aria-labelledby="deviation-dialog-title"
    >
      <DialogTitle id="deviation-dialog-title">{t('deviation.title', { product: name })}</DialogTitle>
      <DialogContent>
        {!p && preview.error !== null && (
          <Alert severity="error" data-testid="deviation-preview-error">
            {t('deviation.previewError', { message: describeError(preview.error) })}
          </Alert>
        )}
        {!p && preview.error === null && <Skeleton variant="rectangular" height={120} />}
        {p && p.riskClass && p.limit && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }} data-testid="deviation-figures">
            {t('deviation.figures', {
              riskClass: p.riskClass,
              limit: p.limit,
              grade: p.grade,
              above: p.gradesAbove,
              max: p.maxGradesAboveLimit,
            })}
          </Typography>
        )}
        {p && !p.allowed && p.refusal && (
          <Alert severity="error" data-testid="deviation-refusal" data-code={p.refusal.code}>
            <AlertTitle>{t('deviation.notAllowed')}</AlertTitle>
            {t(p.refusal.message)}
          </Alert>
        )}
        {p && p.allowed && (
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            <Typography variant="body2">{t('deviation.showWarning')}</Typography>
            <Alert severity="warning" icon={false} data-testid="deviation-warning" sx={{ typography: 'body1' }}>
              {t(p.warning)}
            </Alert>
            <Box>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={acknowledged}
                    onChange={(e) => setAcknowledged(e.target.checked)}
                    disabled={busy}
                    slotProps={{ input: inputTestId('deviation-acknowledge') }}
                  />
                }
                label={t('deviation.acknowledge')}
              />
            </Box>
            <TextField
              label={t('deviation.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onBlur={() => setTouched(true)}
              disabled={busy}
              required
              multiline
              minRows={2}
              error={touched && reasonMissing}
              helperText={touched && reasonMissing ? t('deviation.reasonRequired') : t('deviation.reasonHelp')}
              slotProps={{ htmlInput: { 'data-testid': 'deviation-reason', maxLength: 2000 } }}
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} data-testid="deviation-cancel">
          {t('common.cancel')}
        </Button>
        {p?.allowed && (
          <Button
            variant="contained"
            color="warning"
            onClick={record}
            disabled={busy || !acknowledged || reasonMissing}
            data-testid="deviation-record"
          >
            {t('deviation.record')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
