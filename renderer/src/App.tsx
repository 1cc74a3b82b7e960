import { BackendQueryProvider } from './api/BackendQueryProvider';
import { NotifierProvider } from './notify/NotifierProvider';
import { SettingsProvider } from './settings/SettingsProvider';
import { AppFrame } from './shell/AppFrame';
import { NoticeArea } from './shell/NoticeArea';
import { BrowserSessionGate } from './shell/BrowserSessionGate';
import { SettingsThemeProvider } from './theme/SettingsThemeProvider';
import { SignInGate } from './users/SignInGate';

export function App() {
  return (
    <BrowserSessionGate>
      <NotifierProvider>
        <BackendQueryProvider>
          <SettingsProvider>
            <SettingsThemeProvider>
              <SignInGate>
                <AppFrame />
              </SignInGate>
              <NoticeArea />
            </SettingsThemeProvider>
          </SettingsProvider>
        </BackendQueryProvider>
      </NotifierProvider>
    </BrowserSessionGate>
  );
}
