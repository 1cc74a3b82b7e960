import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useI18n } from '../i18n/use-i18n';

export function CrashNotice({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    >
      <AlertTitle>{t('app.crashed.title')}</AlertTitle>
      {t('app.crashed.body')}
      <br />
      <code>{error.message}</code>
    </Alert>
  );
}
