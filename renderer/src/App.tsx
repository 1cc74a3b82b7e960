import { BackendQueryProvider } from './api/BackendQueryProvider';
import { NoticeSnackbar } from './notify/NoticeSnackbar';
import { NotifierProvider } from './notify/NotifierProvider';
import { SettingsProvider } from './settings/SettingsProvider';
import { AppFrame } from './shell/AppFrame';
import { SettingsThemeProvider } from './theme/SettingsThemeProvider';

export function App() {
  return (
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
  );
}
