import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { addDays, weekStart } from '../../../../app/meetings/day-range';
import { useI18n } from '../../i18n/use-i18n';
import { stepPeriod, type AgendaView } from './agenda-period';

export type Whose = 'mine' | 'all';

interface Props {
  view: AgendaView;
  day: string;
  today: string;
  whose: Whose;
  showCancelled: boolean;
  onView(view: AgendaView): void;
  onDay(day: string): void;
  onWhose(whose: Whose): void;
  onShowCancelled(show: boolean): void;
}

/** Which days the agenda shows (today, tomorrow, this week, a step back or forward, any date) and whose meetings. */
export function AgendaToolbar(props: Props) {
  const { t } = useI18n();
  const { view, day, today } = props;
  const go = (nextView: AgendaView, nextDay: string) => {
    props.onView(nextView);
    props.onDay(nextDay);
  };
  const previous = view === 'day' ? t('agenda.previousDay') : t('agenda.previousWeek');
  const next = view === 'day' ? t('agenda.nextDay') : t('agenda.nextWeek');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1.5 }}>
      <Button
        variant={view === 'day' && day === today ? 'contained' : 'outlined'}
        onClick={() => go('day', today)}
        data-testid="agenda-today"
      >
        {t('agenda.today')}
      </Button>
      <Button
        variant={view === 'day' && day === addDays(today, 1) ? 'contained' : 'outlined'}
        onClick={() => go('day', addDays(today, 1))}
        data-testid="agenda-tomorrow"
      >
        {t('agenda.tomorrow')}
      </Button>
      <Button
        variant={view === 'week' && weekStart(day) === weekStart(today) ? 'contained' : 'outlined'}
        onClick={() => go('week', today)}
        data-testid="agenda-this-week"
      >
        {t('agenda.thisWeek')}
      </Button>
      <Tooltip title={previous}>
        <IconButton
          aria-label={previous}
          onClick={() => props.onDay(stepPeriod(view, day, -1))}
          data-testid="agenda-previous"
        >
          <ChevronLeft />
        </IconButton>
      </Tooltip>
      <TextField
        type="date"
        size="small"
        label={t('agenda.date')}
        value={day}
        onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && props.onDay(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'agenda-date' } }}
      />
      <Tooltip title={next}>
        <IconButton aria-label={next} onClick={() => props.onDay(stepPeriod(view, day, 1))} data-testid="agenda-next">
          <ChevronRight />
        </IconButton>
      </Tooltip>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={view}
        onChange={(_e, value: AgendaView | null) => value && props.onView(value)}
        aria-label={t('agenda.view')}
      >
        <ToggleButton value="day" data-testid="agenda-view-day">
          {t('agenda.view.day')}
        </ToggleButton>
        <ToggleButton value="week" data-testid="agenda-view-week">
          {t('agenda.view.week')}
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        label={t('agenda.whose')}
        value={props.whose}
        onChange={(e) => props.onWhose(e.target.value as Whose)}
        slotProps={{ htmlInput: { 'data-testid': 'agenda-whose' } }}
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="mine">{t('agenda.whose.mine')}</MenuItem>
        <MenuItem value="all">{t('agenda.whose.all')}</MenuItem>
      </TextField>
      <FormControlLabel
        control={
          <Switch
            checked={props.showCancelled}
            onChange={(e) => props.onShowCancelled(e.target.checked)}
            slotProps={{ input: { 'data-testid': 'agenda-show-cancelled' } as object }}
          />
        }
        label={t('agenda.showCancelled')}
      />
    </Box>
  );
}
