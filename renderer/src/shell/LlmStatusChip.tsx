import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import { useLlmStatus } from '../api/use-llm-status';
import { useI18n } from '../i18n/use-i18n';
import { hrefFor } from '../routing/routes';
import { modelFileName } from '../pages/models/llm-labels';

/** Always in the app bar: whether a language model is loaded, and whether it runs on the CPU or a GPU. */
export function LlmStatusChip() {
  const { t } = useI18n();
  const status = useLlmStatus();
  if (!status) return null;
  const backend = t(`llm.backend.${status.backend}`);
  const label =
    status.state === 'loaded'
      ? t('llm.chip.loaded', { backend, file: status.path ? modelFileName(status.path) : '' })
      : status.state === 'loading'
        ? t('llm.chip.loading', { percent: `${Math.round(status.loadProgress * 100)}%` })
        : status.state === 'failed'
          ? t('llm.chip.failed')
          : t('llm.chip.none');
  return (
    <Tooltip title={t('llm.chip.help')} describeChild>
      <Chip
        component="a"
        href={hrefFor({ name: 'models' })}
        clickable
        size="small"
        icon={<MemoryOutlined />}
        label={label}
        color={status.state === 'loaded' ? 'success' : status.state === 'failed' ? 'error' : 'default'}
        variant={status.state === 'loaded' ? 'filled' : 'outlined'}
        data-testid="llm-status-chip"
        data-state={status.state}
        data-backend={status.backend}
      />
    </Tooltip>
  );
}
