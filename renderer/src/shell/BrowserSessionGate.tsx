import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import { useSyncExternalStore, type ReactNode } from 'react';
import type { Language, MessageKey } from '../../../app/messages';
import { browserSessionState, subscribeBrowserSession, type BrowserSessionState } from '../bridge/browser-session';
import { translate } from '../i18n/translate';
import { buildTheme } from '../theme/theme';

type Refusal = Extract<BrowserSessionState, { state: 'refused' }>['reason'];

const TEXT: Record<Refusal, { title: MessageKey; body: MessageKey }> = {
  'launch-token-spent': { title: 'browserSession.spent.title', body: 'browserSession.spent.body' },
  'launch-token-unknown': { title: 'browserSession.unknownToken.title', body: 'browserSession.unknownToken.body' },
  'session-expired': { title: 'browserSession.expired.title', body: 'browserSession.expired.body' },
  'session-unknown': { title: 'browserSession.ended.title', body: 'browserSession.ended.body' },
  'no-address': { title: 'browserSession.noAddress.title', body: 'browserSession.noAddress.body' },
  // The page always sends its hello first; should the server still ask for one, a new address is the way back.
  'hello-expected': { title: 'browserSession.noAddress.title', body: 'browserSession.noAddress.body' },
};

/** The app's own theme (its fonts, Chinese included), outside the settings that live behind the socket. */
const gateTheme = buildTheme('light');

/** The advisor's saved language lives behind the socket that refused us, so the browser's own is used. */
function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Shows the app while browser mode lets this page in; when it refuses (a used address, an expired
 * session), says so and how to get a new address instead of leaving a page that never loads.
 */
export function BrowserSessionGate({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeBrowserSession, browserSessionState);
  if (session.state === 'open') return children;
  const language = browserLanguage();
  const text = TEXT[session.reason];
  return (
    <ThemeProvider theme={gateTheme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }} lang={language}>
        <Alert
          severity="warning"
          data-testid="browser-session-refused"
          data-reason={session.reason}
          sx={{ maxWidth: 640 }}
        >
          <AlertTitle>{translate(language, text.title)}</AlertTitle>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(language, text.body)}
          </Typography>
          <Typography variant="body2">{translate(language, 'browserSession.newAddress')}</Typography>
        </Alert>
      </Box>
    </ThemeProvider>
  );
}
