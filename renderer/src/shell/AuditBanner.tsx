import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import { useEffect, useState } from 'react';
import { call } from '../api/call';
import { useChannelQuery } from '../api/use-channel-query';
import { useI18n } from '../i18n/use-i18n';

/**
 * Says, above every page, when the audit trail's check found changes made outside Advisor Desk (or could not run).
 * Opening a window asks for a check; the backend also checks at start and every ten minutes, and its verdicts
 * arrive as 'audit:status' events.
 */
export function AuditBanner() {
  const { t, fmt } = useI18n();
  const status = useChannelQuery('audit:status', {}, { reportErrors: false }).data;
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void call('audit:check', {}).catch(() => undefined);
  }, []);
  if (!status || (status.state !== 'problems' && status.state !== 'failed')) return null;
  if (status.state === 'failed')
    return (
      <Alert severity="warning" square data-testid="audit-banner" data-state="failed">
        {t('audit.banner.failed', { error: status.error ?? '' })}
      </Alert>
    );
  return (
    <Alert
      severity="error"
      square
      data-testid="audit-banner"
      data-state="problems"
      action={
        <Button color="inherit" size="small" onClick={() => setOpen((o) => !o)} data-testid="audit-banner-toggle">
          {open ? t('audit.banner.hide') : t('audit.banner.show')}
        </Button>
      }
    >
      <AlertTitle>{t('audit.banner.title')}</AlertTitle>
      {t('audit.banner.body', {
        count: status.problemCount,
        time: status.checkedAt ? fmt.compactDateTime(status.checkedAt) : '',
      })}
      <Collapse in={open}>
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} data-testid="audit-banner-problems">
          {status.problems.map((problem, i) => (
            <li key={i}>{t(problem)}</li>
          ))}
        </ul>
      </Collapse>
    </Alert>
  );
}
