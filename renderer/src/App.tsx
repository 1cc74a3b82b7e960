import { BackendQueryProvider } from './api/BackendQueryProvider';
import { NoticeSnackbar } from './notify/NoticeSnackbar';
import { NotifierProvider } from './notify/NotifierProvider';
import { SettingsProvider } from './settings/SettingsProvider';
import { AppFrame } from './shell/AppFrame';
import { BrowserSessionGate } from './shell/BrowserSessionGate';
import { SettingsThemeProvider } from './theme/SettingsThemeProvider';

export function App() {
  return (
    <BrowserSessionGate>
      <NotifierProvider>
        <BackendQueryProvider>
          <SettingsProvider>
            <SettingsThemeProvider>
              <AppFrame />
              <NoticeSnackbar />
            </SettingsThemeProvider>
          </SettingsProvider>
        </BackendQueryProvider>
      </NotifierProvider>
    </BrowserSessionGate>
  );
}
