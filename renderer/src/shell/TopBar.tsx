import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import TranslateOutlined from '@mui/icons-material/TranslateOutlined';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import { useI18n } from '../i18n/use-i18n';
import { useSettings } from '../settings/settings-context';
import { UserMenu } from '../users/UserMenu';
import { LlmStatusChip } from './LlmStatusChip';

export function TopBar({ onShortcutHelp }: { onShortcutHelp: () => void }) {
  const { t, language } = useI18n();
  const { settings, updateSettings } = useSettings();
  const dark = settings.theme === 'dark';
  return (
    <AppBar
      position="fixed"
      sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Toolbar variant="dense" sx={{ gap: 1 }}>
        <AccountBalanceOutlined color="primary" fontSize="small" />
        <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500 }}>
          {t('app.name')}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <LlmStatusChip />
        <Tooltip title={t('topbar.language')} describeChild>
          <Button
            color="inherit"
            startIcon={<TranslateOutlined fontSize="small" />}
            onClick={() => updateSettings({ language: language === 'en' ? 'zh-CN' : 'en' })}
            data-testid="language-switch"
            lang={language === 'en' ? 'zh-CN' : 'en'}
          >
            {language === 'en' ? t('topbar.switchToZh') : t('topbar.switchToEn')}
          </Button>
        </Tooltip>
        <Tooltip title={dark ? t('topbar.themeToLight') : t('topbar.themeToDark')}>
          <IconButton
            color="inherit"
            onClick={() => updateSettings({ theme: dark ? 'light' : 'dark' })}
            aria-label={dark ? t('topbar.themeToLight') : t('topbar.themeToDark')}
            data-testid="theme-toggle"
          >
            {dark ? <LightModeOutlined fontSize="small" /> : <DarkModeOutlined fontSize="small" />}
          </IconButton>
        </Tooltip>
        <Tooltip title={`${t('shortcuts.open')} (?)`}>
          <IconButton
            color="inherit"
            onClick={onShortcutHelp}
            aria-label={t('shortcuts.open')}
            aria-keyshortcuts="?"
            data-testid="shortcut-help-open"
          >
            <KeyboardOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <UserMenu />
      </Toolbar>
    </AppBar>
  );
}
