import { AppFrame } from './components/AppFrame';
import { NoticeSnackbar } from './notify/NoticeSnackbar';
import { NotifierProvider } from './notify/NotifierProvider';
import { SettingsProvider } from './settings/SettingsProvider';
import { SettingsThemeProvider } from './theme/SettingsThemeProvider';

export function App() {
  return (
    <NotifierProvider>
      <SettingsProvider>
        <SettingsThemeProvider>
          <AppFrame />
          <NoticeSnackbar />
        </SettingsThemeProvider>
      </SettingsProvider>
    </NotifierProvider>
  );
}
