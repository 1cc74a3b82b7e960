import Button from '@mui/material/Button';
import { useI18n } from '../../../i18n/use-i18n';
import { useNotify } from '../../../notify/notify-context';
import { useShortcut } from '../../../shortcuts/use-shortcut';
import { useCurrentUser } from '../../../users/current-user-context';
import { PrepareActions } from './PrepareActions';
import { usePreparation } from './use-preparation';

interface Props {
  dayMeetingIds: readonly string[];
  selectedIds: readonly string[];
  onStarted?(): void;
}

/** The agenda's prepare buttons, wired to the backend's preparation jobs (one runs at a time). */
export function PrepareControls({ dayMeetingIds, selectedIds, onStarted }: Props) {
  const { t } = useI18n();
  const { notifySuccess } = useNotify();
  const { current, start } = usePreparation();
  const { has } = useCurrentUser();
  const busy = current?.state === 'running' || current?.state === 'paused';
  const allowed = has('advisor') || has('administrator');
  const prepare = (meetingIds: readonly string[], top: number) =>
    void start({ meetingIds: [...meetingIds], top }).then((view) => {
      if (!view) return;
      notifySuccess(t('prepare.started', { count: view.total }));
      onStarted?.();
    });
  // P: the selection if there is one, else the day shown (three drafts per client).
  const shortcutTargets = selectedIds.length > 0 ? selectedIds : dayMeetingIds;
  useShortcut('prepare', () => prepare(shortcutTargets, 3), allowed && !busy && shortcutTargets.length > 0);
  if (!allowed) return null;
  return <PrepareActions dayMeetingIds={dayMeetingIds} selectedIds={selectedIds} busy={busy} onPrepare={prepare} />;
}

/** "Prepare" on one meeting's row. */
export function PrepareMeetingButton({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const { current, start } = usePreparation();
  const { has } = useCurrentUser();
  const busy = current?.state === 'running' || current?.state === 'paused';
  if (!has('advisor') && !has('administrator')) return null;
  return (
    <Button
      size="small"
      disabled={busy}
      onClick={() => void start({ meetingIds: [meetingId], top: 3 })}
      data-testid="prepare-meeting"
    >
      {t('prepare.one')}
    </Button>
  );
}
