import { createTheme, type Theme } from '@mui/material/styles';
import type { ThemeMode } from '../../../app/domain';

const FONT_FAMILY = "Roboto, 'Noto Sans SC', sans-serif";

/**
 * A calm, low-contrast banking palette: deep steel blue for actions, slate for secondary chrome,
 * and tight spacing so a table shows many rows without scrolling.
 */
export function buildTheme(mode: ThemeMode): Theme {
  const light = mode === 'light';
  return createTheme({
    palette: {
      mode,
      primary: { main: light ? '#1d4f73' : '#7fb0d8' },
      secondary: { main: light ? '#55697d' : '#9fb3c6' },
      success: { main: light ? '#2e7d4f' : '#6fbf8e' },
      warning: { main: light ? '#b26a00' : '#e0a458' },
      error: { main: light ? '#b3261e' : '#f2857d' },
      info: { main: light ? '#2f6f9f' : '#8cc0e6' },
      background: light ? { default: '#f3f5f8', paper: '#ffffff' } : { default: '#0f1419', paper: '#171e26' },
      divider: light ? 'rgba(20, 40, 60, 0.12)' : 'rgba(200, 220, 240, 0.12)',
      text: light ? { primary: '#1b2733', secondary: '#56657a' } : { primary: '#e3e9ef', secondary: '#9aa8b7' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: FONT_FAMILY,
      fontSize: 13,
      h5: { fontSize: '1.35rem', fontWeight: 500 },
      h6: { fontSize: '1.05rem', fontWeight: 500 },
      subtitle1: { fontWeight: 500 },
      subtitle2: { fontWeight: 500 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          body: { fontVariantNumeric: 'tabular-nums' },
        },
      },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTable: { defaultProps: { size: 'small' } },
      MuiTableCell: {
        styleOverrides: {
          root: { paddingTop: 6, paddingBottom: 6 },
          head: { fontWeight: 500, whiteSpace: 'nowrap' },
        },
      },
      MuiToggleButton: {
        defaultProps: { size: 'small' },
        styleOverrides: { root: { textTransform: 'none', paddingTop: 3, paddingBottom: 3 } },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  });
}
