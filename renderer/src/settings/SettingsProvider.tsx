import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type UserSettings } from '../../../app/domain';
import { call } from '../api/call';
import { concerns, onDataChanged } from '../api/data-changed';
import { useNotify } from '../notify/notify-context';
import { SettingsContext, type SettingsContextValue } from './settings-context';

/**
 * Holds the advisor's theme and language. Changes apply at once and are then saved;
 * a refused save puts the previous value back and says why.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { notifyError } = useNotify();
  const [settings, setSettings] = useState<UserSettings>(DEFAULT_SETTINGS);
  const latest = useRef(settings);
  latest.current = settings;

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      call('settings:get', {}).then(
        (loaded) => {
          if (!cancelled) setSettings(loaded);
        },
        (error: unknown) => {
          if (!cancelled) notifyError(error);
        },
      );
    void load();
    const unsubscribe = onDataChanged((payload) => {
      if (concerns(payload, ['settings'])) void load();
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [notifyError]);

  const updateSettings = useCallback(
    (patch: Partial<UserSettings>) => {
      const previous = latest.current;
      setSettings({ ...previous, ...patch });
      call('settings:update', patch).then(setSettings, (error: unknown) => {
        setSettings(previous);
        notifyError(error);
      });
    },
    [notifyError],
  );

  const value = useMemo<SettingsContextValue>(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
