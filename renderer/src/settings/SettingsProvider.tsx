import { useCallback, useMemo, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, type UserSettings } from '../../../app/domain';
import { call } from '../api/call';
import { channelKey } from '../api/query-keys';
import { useChannelQuery } from '../api/use-channel-query';
import { useNotify } from '../notify/notify-context';
import { SettingsContext, type SettingsContextValue } from './settings-context';

const SETTINGS_KEY = channelKey('settings:get', {});

/**
 * Holds the advisor's theme and language. Changes apply at once and are then saved;
 * a refused save puts the previous value back and says why.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const { notifyError } = useNotify();
  const client = useQueryClient();
  const settings = useChannelQuery('settings:get', {}).data ?? DEFAULT_SETTINGS;
  // Written by hand rather than with useChannelMutation: the change shows before the backend answers.
  const { mutate } = useMutation({
    mutationFn: (patch: Partial<UserSettings>) => call('settings:update', patch),
    onMutate: async (patch) => {
      // An answer to a load still in flight must not overwrite the change.
      await client.cancelQueries({ queryKey: SETTINGS_KEY });
      const previous = client.getQueryData<UserSettings>(SETTINGS_KEY) ?? DEFAULT_SETTINGS;
      client.setQueryData<UserSettings>(SETTINGS_KEY, { ...previous, ...patch });
      return { previous };
    },
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
    onError: (error, _patch, context) => {
      if (context) client.setQueryData(SETTINGS_KEY, context.previous);
      notifyError(error);
    },
  });
  const updateSettings = useCallback((patch: Partial<UserSettings>) => mutate(patch), [mutate]);

  const value = useMemo<SettingsContextValue>(() => ({ settings, updateSettings }), [settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
