import { useEffect, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import TableContainer from '@mui/material/TableContainer';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { AgendaMeeting } from '../../../../app/contract';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { useSettings } from '../../settings/settings-context';
import { useCurrentUser } from '../../users/current-user-context';
import { AgendaTable } from './AgendaTable';
import { AgendaToolbar, type Whose } from './AgendaToolbar';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { MeetingFormDialog } from './MeetingFormDialog';
import { byDay, dayHeading, periodDays, periodRange, todayIn, type AgendaView } from './agenda-period';

/** What the agenda's action area is handed: the selection and the period shown, to act on (prepare, print, …). */
export interface AgendaActionContext {
  /** Ids of the selected meetings (scheduled ones only), in the order shown. */
  selectedIds: readonly string[];
  /** The day shown, YYYY-MM-DD in the advisor's zone; in the week view, the day the week was opened on. */
  day: string;
  view: AgendaView;
  /** Every calendar day shown, in order. */
  days: readonly string[];
  /** The meetings shown, after the filters. */
  meetings: readonly AgendaMeeting[];
  /** The advisor shown, or 'all'. */
  advisorId: string | 'all';
  timeZone: string;
  clearSelection(): void;
}

export interface AgendaPageProps {
  /** The toolbar's action area (batch preparation puts "Prepare selected" and "Prepare day" here). */
  actions?(context: AgendaActionContext): ReactNode;
  /** More buttons on each scheduled meeting's row ("Prepare"). */
  rowActions?(meeting: AgendaMeeting): ReactNode;
}

/** Where the agenda was left, so coming back from a client page shows the same day. */
const remembered: { view: AgendaView; day: string | null; whose: Whose; showCancelled: boolean } = {
  view: 'day',
  day: null,
  whose: 'mine',
  showCancelled: true,
};

/** Meetings by day and week: the signed-in advisor's by default, everyone's on request; book, move and cancel. */
export function AgendaPage({ actions, rowActions }: AgendaPageProps) {
  const { t, language } = useI18n();
  const { timeZone } = useSettings().settings;
  const { user, has } = useCurrentUser();
  const today = todayIn(timeZone);
  const [view, setView] = useState<AgendaView>(remembered.view);
  const [day, setDay] = useState(remembered.day ?? today);
  const [whose, setWhose] = useState<Whose>(remembered.whose);
  const [showCancelled, setShowCancelled] = useState(remembered.showCancelled);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<{ moving: AgendaMeeting | null } | null>(null);
  const [cancelling, setCancelling] = useState<AgendaMeeting | null>(null);
  Object.assign(remembered, { view, day, whose, showCancelled });

  const canArrange = has('advisor') || has('administrator');
  const advisorId = whose === 'all' ? 'all' : user.id;
  const range = periodRange(view, day, timeZone);
  const answer = useChannelQuery('meetings:range', { ...range, advisorId });
  const days = periodDays(view, day);
  const shown = useMemo(
    () => (answer.data ?? []).filter((m) => showCancelled || m.status === 'scheduled'),
    [answer.data, showCancelled],
  );
  const grouped = byDay(shown, days, timeZone);

  // A selection belongs to what is shown: changing the period or the filters starts afresh.
  const periodKey = `${range.from} ${range.to} ${advisorId} ${showCancelled}`;
  useEffect(() => setSelected(new Set()), [periodKey]);
  const selectedIds = shown.filter((m) => selected.has(m.id)).map((m) => m.id);

  const select = (ids: readonly string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  const scheduledCount = shown.filter((m) => m.status === 'scheduled').length;
  const heading =
    view === 'day'
      ? dayHeading(language, day)
      : t('agenda.weekOf', { from: dayHeading(language, days[0]!, true), to: dayHeading(language, days[6]!, true) });

  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('agenda.title')}
        subtitle={
          <Typography variant="body2" data-testid="agenda-time-zone">
            {t('agenda.timeZoneNote', { zone: timeZone })}
          </Typography>
        }
        actions={
          canArrange && (
            <Button
              variant="contained"
              startIcon={<AddOutlined />}
              onClick={() => setForm({ moving: null })}
              data-testid="agenda-new"
            >
              {t('agenda.new')}
            </Button>
          )
        }
      />
      <AgendaToolbar
        view={view}
        day={day}
        today={today}
        whose={whose}
        showCancelled={showCancelled}
        onView={setView}
        onDay={setDay}
        onWhose={setWhose}
        onShowCancelled={setShowCancelled}
      />
      {!canArrange && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t('agenda.readOnly')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2" data-testid="agenda-heading">
          {heading}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="agenda-count">
          {t('agenda.count', { n: scheduledCount })}
          {selectedIds.length > 0 && ` · ${t('agenda.selected', { n: selectedIds.length })}`}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Box data-testid="agenda-actions" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          {actions?.({
            selectedIds,
            day,
            view,
            days,
            meetings: shown,
            advisorId,
            timeZone,
            clearSelection: () => setSelected(new Set()),
          })}
        </Box>
      </Box>
      <TableContainer component={Paper} variant="outlined">
        {answer.isFetching && <LinearProgress />}
        {!answer.data && !answer.isFetching && answer.error !== null && (
          <LoadError error={answer.error} onRetry={() => void answer.refetch()} />
        )}
        <AgendaTable
          days={grouped}
          today={today}
          showAdvisor={whose === 'all'}
          selected={selected}
          onSelect={select}
          canChange={(m) => canArrange && (m.advisorId === user.id || has('administrator'))}
          onMove={(m) => setForm({ moving: m })}
          onCancel={setCancelling}
          rowActions={rowActions}
        />
      </TableContainer>
      {form && (
        <MeetingFormDialog
          moving={form.moving}
          day={day < today ? today : day}
          timeZone={timeZone}
          onClose={() => setForm(null)}
        />
      )}
      {cancelling && <CancelMeetingDialog meeting={cancelling} onClose={() => setCancelling(null)} />}
    </Box>
  );
}
