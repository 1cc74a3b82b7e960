import { Fragment, type ReactNode } from 'react';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import EditCalendarOutlined from '@mui/icons-material/EditCalendarOutlined';
import type { AgendaMeeting } from '../../../../app/contract';
import { meetingEndMs } from '../../../../app/domain';
import { addDays } from '../../../../app/meetings/day-range';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';
import { useCurrentUser } from '../../users/current-user-context';
import { dayHeading } from './agenda-period';
import { placeLabel, purposeLabel } from './meeting-labels';

interface Props {
  /** Meetings by the day they start on, every day of the period in order. */
  days: Map<string, AgendaMeeting[]>;
  today: string;
  showAdvisor: boolean;
  selected: ReadonlySet<string>;
  onSelect(ids: readonly string[], selected: boolean): void;
  /** Whether the signed-in user may move or cancel this meeting. */
  canChange(meeting: AgendaMeeting): boolean;
  onMove(meeting: AgendaMeeting): void;
  onCancel(meeting: AgendaMeeting): void;
  /** More buttons for one meeting (batch preparation adds "Prepare"). */
  rowActions?(meeting: AgendaMeeting): ReactNode;
}

/** The agenda's meetings, a heading row per day in the week view; cancelled ones struck through and labelled. */
export function AgendaTable(props: Props) {
  const { t, fmt, language } = useI18n();
  const { nameOf } = useCurrentUser();
  const all = [...props.days.values()].flat();
  const selectable = all.filter((m) => m.status === 'scheduled');
  const allSelected = selectable.length > 0 && selectable.every((m) => props.selected.has(m.id));
  const someSelected = selectable.some((m) => props.selected.has(m.id));
  const columns = props.showAdvisor ? 9 : 8;
  const multiDay = props.days.size > 1;
  const relative = (day: string) =>
    day === props.today ? t('agenda.today') : day === addDays(props.today, 1) ? t('agenda.tomorrow') : null;

  return (
    <Table size="small" aria-label={t('agenda.title')} data-testid="agenda-table">
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox">
            <Checkbox
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              disabled={selectable.length === 0}
              onChange={(e) =>
                props.onSelect(
                  selectable.map((m) => m.id),
                  e.target.checked,
                )
              }
              slotProps={{
                input: { 'aria-label': t('agenda.selectAll'), 'data-testid': 'agenda-select-all' } as object,
              }}
            />
          </TableCell>
          <TableCell>{t('agenda.col.time')}</TableCell>
          <TableCell>{t('agenda.col.client')}</TableCell>
          <TableCell align="right">{t('agenda.col.duration')}</TableCell>
          <TableCell>{t('agenda.col.place')}</TableCell>
          <TableCell>{t('agenda.col.purpose')}</TableCell>
          {props.showAdvisor && <TableCell>{t('agenda.col.advisor')}</TableCell>}
          <TableCell>{t('agenda.col.preparation')}</TableCell>
          <TableCell align="right">{t('agenda.col.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...props.days.entries()].map(([day, meetings]) => (
          <Fragment key={day}>
            {multiDay && (
              <TableRow data-testid="agenda-day-heading" data-day={day}>
                <TableCell colSpan={columns} sx={{ bgcolor: 'action.hover', fontWeight: 600 }}>
                  {dayHeading(language, day)}
                  {relative(day) && <Chip size="small" color="primary" label={relative(day)} sx={{ ml: 1 }} />}
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                    {t('agenda.count', { n: meetings.filter((m) => m.status === 'scheduled').length })}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {meetings.map((m) => {
              const cancelled = m.status === 'cancelled';
              const struck = cancelled ? { textDecoration: 'line-through', color: 'text.disabled' } : undefined;
              const end = new Date(meetingEndMs(m)).toISOString();
              return (
                <TableRow
                  key={m.id}
                  hover
                  selected={props.selected.has(m.id)}
                  data-testid="agenda-row"
                  data-meeting-id={m.id}
                  data-status={m.status}
                >
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={props.selected.has(m.id)}
                      disabled={cancelled}
                      onChange={(e) => props.onSelect([m.id], e.target.checked)}
                      slotProps={{
                        input: {
                          'aria-label': t('agenda.selectRow', { client: m.clientName }),
                          'data-testid': 'agenda-row-select',
                        } as object,
                      }}
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', ...struck }} data-testid="agenda-row-time">
                    {fmt.time(m.startsAt)}–{fmt.time(end)}
                  </TableCell>
                  <TableCell>
                    <Link
                      href={hrefFor({ name: 'client', id: m.clientId })}
                      underline="hover"
                      data-testid="agenda-row-client"
                      sx={{ fontWeight: 500, ...struck }}
                    >
                      {m.clientName}
                    </Link>
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      sx={{ ml: 1 }}
                      data-testid="agenda-row-client-id"
                    >
                      {m.clientId}
                    </Typography>
                    {cancelled && (
                      <Chip
                        size="small"
                        label={t('agenda.cancelled')}
                        sx={{ ml: 1 }}
                        data-testid="agenda-row-cancelled"
                      />
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', ...struck }}>
                    {t('common.minutes', { n: m.durationMinutes })}
                  </TableCell>
                  <TableCell sx={struck} data-testid="agenda-row-place">
                    {placeLabel(t, m)}
                  </TableCell>
                  <TableCell sx={struck} data-testid="agenda-row-purpose">
                    {purposeLabel(t, m)}
                  </TableCell>
                  {props.showAdvisor && <TableCell sx={struck}>{nameOf(m.advisorId)}</TableCell>}
                  <TableCell data-testid="agenda-row-preparation">
                    {cancelled ? '' : t(`agenda.preparation.${m.preparation?.status ?? 'not-prepared'}`)}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', py: 0 }}>
                    {!cancelled && props.rowActions?.(m)}
                    {!cancelled && props.canChange(m) && (
                      <>
                        <Tooltip title={t('agenda.moveLabel', { client: m.clientName })}>
                          <IconButton
                            size="small"
                            aria-label={t('agenda.moveLabel', { client: m.clientName })}
                            onClick={() => props.onMove(m)}
                            data-testid="agenda-row-move"
                          >
                            <EditCalendarOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title={t('agenda.cancelLabel', { client: m.clientName })}>
                          <IconButton
                            size="small"
                            aria-label={t('agenda.cancelLabel', { client: m.clientName })}
                            onClick={() => props.onCancel(m)}
                            data-testid="agenda-row-cancel"
                          >
                            <EventBusyOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </Fragment>
        ))}
        {all.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns}>
              <Typography color="text.secondary" sx={{ textAlign: 'center', py: 2 }} data-testid="agenda-empty">
                {multiDay ? t('agenda.empty.week') : t('agenda.empty.day')}
              </Typography>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
