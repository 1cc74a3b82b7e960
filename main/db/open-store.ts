import { openDatabase, type Db, type OpenDatabaseOptions } from './connection';
import { migrate } from './migrate';

/** Opens and migrates in one step; `created` tells a brand-new file from an existing one. */
export function openStore(file: string, options: OpenDatabaseOptions = {}): { db: Db; created: boolean } {
  const db = openDatabase(file, options);
  try {
    const { from } = migrate(db);
    return { db, created: from === 0 };
  } catch (error) {
    db.close();
    throw error;
  }
}
