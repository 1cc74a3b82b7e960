import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Snackbar from '@mui/material/Snackbar';
import { useNoticeQueue } from './notify-context';

/**
 * The app's single snackbar: errors stay long enough to read, successes go quickly; a refusal carries the title it
 * is given, in the advisor's language.
 */
export function NoticeSnackbar({ forbiddenTitle }: { forbiddenTitle: string }) {
  const { current, dismiss } = useNoticeQueue();
  const [closingId, setClosingId] = useState<number | null>(null);
  if (!current) return null;

  const close = () => setClosingId(current.id);
  return (
    <Snackbar
      key={current.id}
      open={closingId !== current.id}
      autoHideDuration={current.severity === 'success' ? 3000 : 8000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      slotProps={{ transition: { onExited: () => dismiss(current.id) } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={current.severity === 'forbidden' ? 'warning' : current.severity}
        variant="filled"
        onClose={close}
        data-testid={`snackbar-${current.severity}`}
        sx={{ minWidth: 320, maxWidth: 640 }}
      >
        {current.severity === 'forbidden' && <AlertTitle>{forbiddenTitle}</AlertTitle>}
        {current.message}
      </Alert>
    </Snackbar>
  );
}
