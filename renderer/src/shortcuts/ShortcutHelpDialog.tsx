import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import { useI18n } from '../i18n/use-i18n';
import { chordText, SHORTCUTS } from './shortcut-registry';

/** Every keyboard shortcut with its keys, opened with "?" or from the app bar. */
export function ShortcutHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-help-title" data-testid="shortcut-help">
      <DialogTitle id="shortcut-help-title">{t('shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('shortcuts.hint')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('shortcuts.keyColumn')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('shortcuts.actionColumn')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.id} data-testid="shortcut-help-row" data-shortcut={s.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {s.chords.map((c, i) => (
                    <Fragment key={chordText(c)}>
                      {i > 0 && ` ${t('shortcuts.or')} `}
                      <Box
                        component="kbd"
                        sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 0.5 }}
                      >
                        {chordText(c)}
                      </Box>
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell>{t(s.label)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="shortcut-help-close">
          {t('shortcuts.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
