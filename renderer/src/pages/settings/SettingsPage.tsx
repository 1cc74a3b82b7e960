import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import RestartAltOutlined from '@mui/icons-material/RestartAltOutlined';
import { LANGUAGES, type Language, type ThemeMode } from '../../../../app/domain';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FactList } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { RuleSetSection } from './RuleSetSection';
import { UsersSection } from './UsersSection';
import { TimeZoneField } from './TimeZoneField';
import { useSettings } from '../../settings/settings-context';

type DataAction = 'reset' | 'wipe';

export function SettingsPage() {
  const { t, fmt } = useI18n();
  const { settings, updateSettings } = useSettings();
  const info = useChannelQuery('app:info', {});
  const summary = useChannelQuery('data:summary', {});
  const [confirming, setConfirming] = useState<DataAction | null>(null);
  // Both end with the backend saying everything changed, which refetches every answer on screen.
  const reset = useChannelMutation('data:reset-demo', { success: () => t('settings.reset.done') });
  const wipe = useChannelMutation('data:wipe', { success: () => t('settings.wipe.done') });
  const busy = reset.isPending || wipe.isPending;

  const run = (action: DataAction) =>
    (action === 'reset' ? reset : wipe).mutate({}, { onSettled: () => setConfirming(null) });

  const code = (text: string) => (
    <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
      {text}
    </Typography>
  );
  const loading = <Skeleton variant="text" width={160} />;
  const count = (n: number | undefined) => (n === undefined ? loading : fmt.number(n));

  return (
    <Box sx={{ p: 2, maxWidth: 980 }}>
      <PageHeader title={t('settings.title')} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
        <SectionCard title={t('settings.appearance')}>
          <FactList
            facts={[
              {
                label: t('settings.theme'),
                value: (
                  <ToggleButtonGroup
                    exclusive
                    value={settings.theme}
                    onChange={(_event, value: ThemeMode | null) => value && updateSettings({ theme: value })}
                    aria-label={t('settings.theme')}
                  >
                    <ToggleButton value="light" data-testid="settings-theme-light">
                      {t('settings.theme.light')}
                    </ToggleButton>
                    <ToggleButton value="dark" data-testid="settings-theme-dark">
                      {t('settings.theme.dark')}
                    </ToggleButton>
                  </ToggleButtonGroup>
                ),
              },
              {
                label: t('settings.language'),
                value: (
                  <ToggleButtonGroup
                    exclusive
                    value={settings.language}
                    onChange={(_event, value: Language | null) => value && updateSettings({ language: value })}
                    aria-label={t('settings.language')}
                  >
                    {LANGUAGES.map((l) => (
                      <ToggleButton key={l} value={l} lang={l} data-testid={`settings-language-${l}`}>
                        {l === 'en' ? 'English' : '简体中文'}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                ),
              },
              { label: t('settings.timeZone'), value: <TimeZoneField /> },
            ]}
          />
        </SectionCard>
        <SectionCard title={t('settings.summary')}>
          <FactList
            facts={[
              { label: t('settings.summary.clients'), value: count(summary.data?.clients), testId: 'summary-clients' },
              {
                label: t('settings.summary.products'),
                value: count(summary.data?.products),
                testId: 'summary-products',
              },
              {
                label: t('settings.summary.interactions'),
                value: count(summary.data?.interactions),
                testId: 'summary-interactions',
              },
              {
                label: t('settings.summary.meetings'),
                value: count(summary.data?.meetings),
                testId: 'summary-meetings',
              },
              {
                label: t('settings.summary.marketSnapshots'),
                value: count(summary.data?.marketSnapshots),
                testId: 'summary-market',
              },
            ]}
          />
        </SectionCard>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <SectionCard title={t('settings.storage')}>
            <FactList
              facts={[
                { label: t('settings.version'), value: info.data ? info.data.version : loading },
                { label: t('settings.mode'), value: info.data ? t(`settings.mode.${info.data.mode}`) : loading },
                {
                  label: t('settings.dataDir'),
                  value: info.data ? code(info.data.dataDir) : loading,
                  testId: 'settings-data-dir',
                },
                {
                  label: t('settings.databasePath'),
                  value: info.data ? code(info.data.databasePath) : loading,
                  testId: 'settings-db-path',
                },
              ]}
            />
          </SectionCard>
        </Box>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <UsersSection />
        </Box>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <RuleSetSection />
        </Box>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <SectionCard title={t('settings.danger')}>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 1.5, alignItems: 'center' }}>
              <Button
                variant="outlined"
                startIcon={<RestartAltOutlined />}
                onClick={() => setConfirming('reset')}
                data-testid="settings-reset-demo"
              >
                {t('settings.reset')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {t('settings.reset.help')}
              </Typography>
              <Button
                variant="outlined"
                color="error"
                startIcon={<DeleteForeverOutlined />}
                onClick={() => setConfirming('wipe')}
                data-testid="settings-wipe"
              >
                {t('settings.wipe')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {t('settings.wipe.help')}
              </Typography>
            </Box>
          </SectionCard>
        </Box>
      </Box>
      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming === 'wipe' ? 'settings.wipe.confirmTitle' : 'settings.reset.confirmTitle')}
        body={t(confirming === 'wipe' ? 'settings.wipe.confirmBody' : 'settings.reset.confirmBody')}
        confirmLabel={t(confirming === 'wipe' ? 'settings.wipe' : 'settings.reset')}
        destructive
        busy={busy}
        onConfirm={() => confirming && run(confirming)}
        onClose={() => setConfirming(null)}
        testId="settings-confirm"
      />
    </Box>
  );
}
