import { createContext, useContext } from 'react';
import type { UserSettings } from '../../../app/domain';

export interface SettingsContextValue {
  settings: UserSettings;
  /** Applies the change at once and persists it; reverts and reports if the backend refuses. */
  updateSettings(patch: Partial<UserSettings>): void;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside SettingsProvider');
  return value;
}
