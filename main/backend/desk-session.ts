import { DomainError } from '../../app/domain/domain-error';
import type { DeskUser } from '../../app/domain/desk-users';
import { SIGN_IN_FIRST } from '../../app/users/permissions';
import type { Db } from '../db/connection';
import { firstActiveAdministrator, getUser, recordSignIn } from '../db/user-repository';

/** Who the command line or a test acts as from the start: a user id, or the store's first active administrator. */
export type ActAs = string | { firstActiveAdministrator: true };

/**
 * The person at this desk now: one at a time on a workstation. Every change the backend makes is recorded under
 * their id; with nobody signed in, changes are refused.
 */
export class DeskSession {
  private currentId: string | null = null;

  constructor(private readonly db: Db) {}

  /** The signed-in user as stored now (a deactivation or a change of roles applies at once), or null. */
  user(): DeskUser | null {
    return this.currentId === null ? null : getUser(this.db, this.currentId);
  }

  /** The id every change is recorded under; refused with 'sign in first' when nobody is signed in. */
  actorId(): string {
    if (this.currentId === null) throw new DomainError('forbidden', SIGN_IN_FIRST);
    return this.currentId;
  }

  /** Signs someone in from the picker or the app bar's user menu; the trail records a sign-in or a switch. */
  signIn(id: string, at: string): DeskUser {
    const user = getUser(this.db, id);
    if (!user) throw new DomainError('not_found', `No user ${id}.`);
    if (!user.active) throw new DomainError('forbidden', `${user.displayName} is deactivated and cannot sign in.`);
    const previous = this.user();
    recordSignIn(this.db, user, previous && previous.id !== user.id ? previous : null, at);
    this.currentId = user.id;
    return user;
  }

  /** Acts as a user without a sign-in entry: each command-line run names its user and records it on every change. */
  actAs(who: ActAs): DeskUser {
    const user = typeof who === 'string' ? getUser(this.db, who) : firstActiveAdministrator(this.db);
    if (!user)
      throw new DomainError(
        'not_found',
        typeof who === 'string' ? `No user ${who}.` : 'There is no active administrator in this store.',
      );
    if (!user.active) throw new DomainError('forbidden', `${user.displayName} is deactivated and cannot act.`);
    this.currentId = user.id;
    return user;
  }
}
