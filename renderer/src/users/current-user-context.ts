import { createContext, useContext } from 'react';
import type { DeskUser, UserRole } from '../../../app/domain';

export interface CurrentUser {
  user: DeskUser;
  /** Everyone at this desk, active or not, to name the author or approver behind an id. */
  users: readonly DeskUser[];
  has(role: UserRole): boolean;
  /** The display name of a user id; the id itself for someone not in the store (an actor from before users). */
  nameOf(id: string): string;
}

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user: the app's pages render only once someone has signed in. */
export function useCurrentUser(): CurrentUser {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser must be used inside SignInGate');
  return value;
}
