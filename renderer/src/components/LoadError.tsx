import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useI18n } from '../i18n/use-i18n';
import { describeError } from '../notify/notify-context';

/** Said in place of a list that could not load, so the screen never sits on "Loading…" for ever. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <Alert
      severity="error"
      sx={{ m: 1 }}
      data-testid="load-error"
      action={
        <Button color="inherit" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    >
      {describeError(error)}
    </Alert>
  );
}
