import { useMemo, type ReactNode } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import { useChannelQuery } from '../api/use-channel-query';
import { LoadError } from '../components/LoadError';
import { CurrentUserContext, type CurrentUser } from './current-user-context';
import { SignInPicker } from './SignInPicker';

/** The app shows nothing but the sign-in picker until someone has said who they are. */
export function SignInGate({ children }: { children: ReactNode }) {
  const current = useChannelQuery('users:current', {});
  const users = useChannelQuery('users:list', {});
  const user = current.data?.user ?? null;
  const everyone = users.data;
  const value = useMemo<CurrentUser | null>(() => {
    if (!user || !everyone) return null;
    const names = new Map(everyone.map((u) => [u.id, u.displayName]));
    return {
      user,
      users: everyone,
      has: (role) => user.roles.includes(role),
      nameOf: (id) => names.get(id) ?? id,
    };
  }, [user, everyone]);

  if (current.error && !current.data) return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data || !everyone) return <LinearProgress aria-label="loading" />;
  if (!value) return <SignInPicker users={everyone} lastUserId={current.data.lastUserId} />;
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}
