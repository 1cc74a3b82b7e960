import { useMemo, type ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useSettings } from '../settings/settings-context';
import { buildTheme } from './theme';

/** Applies the light or dark theme the advisor chose; switching re-themes the whole window at once. */
export function SettingsThemeProvider({ children }: { children: ReactNode }) {
  const { theme: mode } = useSettings().settings;
  const theme = useMemo(() => buildTheme(mode), [mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
