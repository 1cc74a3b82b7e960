import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import RateReviewOutlined from '@mui/icons-material/RateReviewOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import QueryStatsOutlined from '@mui/icons-material/QueryStatsOutlined';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';
import type { MessageKey } from '../../../app/messages';
import type { Section } from '../routing/routes';

export const NAV_WIDTH = 200;

const ITEMS: { section: Section; label: MessageKey; icon: ReactNode }[] = [
  { section: 'clients', label: 'nav.clients', icon: <PeopleOutlined fontSize="small" /> },
  { section: 'products', label: 'nav.products', icon: <Inventory2Outlined fontSize="small" /> },
  { section: 'meetings', label: 'nav.meetings', icon: <EventOutlined fontSize="small" /> },
  { section: 'reviews', label: 'review.waiting.title', icon: <RateReviewOutlined fontSize="small" /> },
  { section: 'model', label: 'nav.model', icon: <InsightsOutlined fontSize="small" /> },
  { section: 'models', label: 'nav.models', icon: <MemoryOutlined fontSize="small" /> },
  { section: 'analytics', label: 'nav.analytics', icon: <FilterAltOutlined fontSize="small" /> },
  { section: 'experiments', label: 'nav.experiments', icon: <ScienceOutlined fontSize="small" /> },
  { section: 'policy-estimates', label: 'nav.policyEstimates', icon: <QueryStatsOutlined fontSize="small" /> },
  { section: 'compliance', label: 'nav.compliance', icon: <FactCheckOutlined fontSize="small" /> },
  { section: 'settings', label: 'nav.settings', icon: <SettingsOutlined fontSize="small" /> },
];

export function NavDrawer({ active }: { active: Section | null }) {
  const { t } = useI18n();
  return (
    <Drawer
      variant="permanent"
      sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
    >
      <Toolbar variant="dense" />
      <Box component="nav" aria-label={t('app.name')}>
        <List dense>
          {ITEMS.map((item) => (
            <ListItem key={item.section} disablePadding>
              <ListItemButton
                component="a"
                href={`#/${item.section}`}
                selected={active === item.section}
                aria-current={active === item.section ? 'page' : undefined}
                data-testid={`nav-${item.section}`}
                sx={{ mx: 1, borderRadius: 1 }}
              >
                <ListItemIcon sx={{ minWidth: 34 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={t(item.label)} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Box>
    </Drawer>
  );
}
