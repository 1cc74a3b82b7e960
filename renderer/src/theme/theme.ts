import { createTheme, type Theme } from '@mui/material/styles';
import type { ThemeMode } from '../../../app/domain';

const FONT_FAMILY = "Roboto, 'Noto Sans SC', sans-serif";

/**
 * A calm, low-contrast banking palette: deep steel blue for actions, slate for secondary chrome,
 * and tight spacing so a table shows many rows without scrolling.
 */
export function buildTheme(mode: ThemeMode): Theme {
  const light = mode === 'light';
  // A keyboard user must always see where focus is: a solid ring, at least 3:1 against both the page and the
  // paper of each theme, drawn outside the control so it does not hide the control's own border or fill.
  const focusRing = { outline: `2px solid ${light ? '#0b5cad' : '#9fd0ff'}`, outlineOffset: 2 };
  return createTheme({
    palette: {
      mode,
      primary: { main: light ? '#1d4f73' : '#7fb0d8' },
      secondary: { main: light ? '#55697d' : '#9fb3c6' },
      success: { main: light ? '#2e7d4f' : '#6fbf8e' },
      // Amber dark enough for 4.5:1 as small text on white (chip labels, risk classes).
      warning: { main: light ? '#9a5b00' : '#e0a458' },
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
          ':focus-visible': focusRing,
        },
      },
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
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
        styleOverrides: {
          // MUI's default (action.active) falls just under 4.5:1 on the page background.
          root: ({ theme }) => ({
            textTransform: 'none',
            paddingTop: 3,
            paddingBottom: 3,
            color: theme.palette.text.secondary,
          }),
        },
      },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  });
}
