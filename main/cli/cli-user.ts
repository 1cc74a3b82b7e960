import type { Db } from '../db/connection';
import { FIRST_USER_ID, firstActiveAdministrator, getUser, listUsers } from '../db/user-repository';
import { CliError, EXIT } from './cli-io';

/**
 * Who a command that writes to the store directly (the imports) records its changes under: the user named with
 * --user or $ADVISOR_DESK_USER, else the store's first active administrator. Only advisors and administrators
 * load data.
 */
export function cliUser(db: Db, requested: string | undefined): string {
  // A store nobody has opened in the app has no users yet: its first user is the one the app will make. Nothing is
  // written here, so the import's own wait for another writer stays the only one.
  if (requested === undefined && listUsers(db).length === 0) return FIRST_USER_ID;
  const user = requested !== undefined ? getUser(db, requested) : firstActiveAdministrator(db);
  if (!user)
    throw new CliError(
      EXIT.notFound,
      requested !== undefined ? `No user ${requested}.` : 'There is no active administrator in this store.',
    );
  if (!user.active) throw new CliError(EXIT.notFound, `${user.displayName} is deactivated and cannot act.`);
  if (!user.roles.includes('advisor') && !user.roles.includes('administrator'))
    throw new CliError(EXIT.other, 'Importing records is for advisors and administrators.');
  return user.id;
}
