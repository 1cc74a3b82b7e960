import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n/use-i18n';
import { useActiveDeviation } from './active-deviations';

/**
 * Marks a ranked product that is suitable only because the client asked for it against their risk class: the
 * tooltip says who acknowledged the warning and when, and the advisor can withdraw it (the product then goes
 * back to the not-suitable list).
 */
export function DeviationChip({ productId, productName }: { productId: string; productName: string }) {
  const { t, fmt } = useI18n();
  const record = useActiveDeviation(productId);
  const [confirming, setConfirming] = useState(false);
  const withdrawal = useChannelMutation('deviations:withdraw', {
    success: () => t('deviation.withdrawn', { product: productName }),
  });
  const help = record
    ? t('deviation.chipHelp', {
        by: record.acknowledgedBy,
        date: fmt.dateTime(record.acknowledgedAt),
        advisor: record.recordedBy,
        reason: record.reason,
      })
    : t('reco.deviationHelp');

  const withdraw = () => {
    if (record) withdrawal.mutate({ id: record.id }, { onSuccess: () => setConfirming(false) });
  };

  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
      <Tooltip title={help}>
        <Chip
          icon={<GppMaybeOutlined />}
          label={t('deviation.chip')}
          color="warning"
          variant="outlined"
          data-testid="recommendation-deviation"
          sx={{ height: 20, fontSize: '0.7rem' }}
        />
      </Tooltip>
      {record && (
        <Tooltip title={t('deviation.withdraw')}>
          <IconButton
            size="small"
            aria-label={t('deviation.withdraw')}
            onClick={() => setConfirming(true)}
            data-testid="deviation-withdraw"
          >
            <UndoOutlined sx={{ fontSize: 16 }} />
          </IconButton>
        </Tooltip>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('deviation.withdrawTitle', { product: productName })}
        body={t('deviation.withdrawBody')}
        confirmLabel={t('deviation.withdraw')}
        busy={withdrawal.isPending}
        destructive
        onConfirm={withdraw}
        onClose={() => setConfirming(false)}
        testId="deviation-withdraw-dialog"
      />
    </Box>
  );
}
