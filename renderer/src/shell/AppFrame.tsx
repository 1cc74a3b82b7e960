import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import { useDocumentLanguage } from '../i18n/use-document-language';
import { useMenuNavigation } from '../routing/menu-navigation';
import { useRoute } from '../routing/use-route';
import { sectionOf } from '../routing/routes';
import { AuditBanner } from './AuditBanner';
import { CrashNotice } from './CrashNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { NavDrawer } from './NavDrawer';
import { PageView, prefetchHeavyPages } from './PageView';
import { TopBar } from './TopBar';
import { AppShortcuts } from '../shortcuts/AppShortcuts';
import { MAIN_CONTENT_ID, SkipLink } from '../shortcuts/SkipLink';

/** Top bar, navigation on the left, the current screen in the rest; a crash stays inside the screen. */
export function AppFrame() {
  const route = useRoute();
  useMenuNavigation();
  useDocumentLanguage();
  const routeKey = JSON.stringify(route);
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(prefetchHeavyPages, []);
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <SkipLink />
      <AppShortcuts helpOpen={helpOpen} onHelp={setHelpOpen} />
      <TopBar onShortcutHelp={() => setHelpOpen(true)} />
      <NavDrawer active={sectionOf(route)} />
      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        sx={{
          '&:focus': { outline: 'none' },
          flexGrow: 1,
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          overflow: 'hidden',
        }}
      >
        <Toolbar variant="dense" />
        <AuditBanner />
        <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', display: 'flex', flexDirection: 'column' }}>
          <ErrorBoundary
            key={routeKey}
            renderFallback={(error, reset) => <CrashNotice error={error} onRetry={reset} />}
          >
            <PageView route={route} />
          </ErrorBoundary>
        </Box>
      </Box>
    </Box>
  );
}
