import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useNoticeQueue } from './notify-context';

/** The app's single snackbar: errors stay long enough to read, successes go quickly. */
export function NoticeSnackbar() {
  const { current, dismiss } = useNoticeQueue();
  const [closingId, setClosingId] = useState<number | null>(null);
  if (!current) return null;

  const close = () => setClosingId(current.id);
  return (
    <Snackbar
      key={current.id}
      open={closingId !== current.id}
      autoHideDuration={current.severity === 'error' ? 8000 : 3000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      slotProps={{ transition: { onExited: () => dismiss(current.id) } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={current.severity}
        variant="filled"
        onClose={close}
        data-testid={current.severity === 'error' ? 'snackbar-error' : 'snackbar-success'}
        sx={{ minWidth: 320, maxWidth: 640 }}
      >
        {current.message}
      </Alert>
    </Snackbar>
  );
}
