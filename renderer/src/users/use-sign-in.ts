import { useQueryClient } from '@tanstack/react-query';
import { useChannelMutation } from '../api/use-channel-mutation';
import { useI18n } from '../i18n/use-i18n';

/**
 * Signing in (or switching). Every answer on screen may depend on who is signed in (what they may do, their
 * waiting list), so all of them are asked again once it is done.
 */
export function useSignIn(options: { announce?: boolean } = {}) {
  const client = useQueryClient();
  const { t } = useI18n();
  const mutation = useChannelMutation('users:sign-in', {
    success: (user) => (options.announce ? t('users.menu.switched', { name: user.displayName }) : null),
  });
  return {
    pending: mutation.isPending,
    signIn: (id: string) => mutation.mutate({ id }, { onSuccess: () => void client.invalidateQueries() }),
  };
}
