import fs from 'node:fs';

/**
 * Client data is personal data: the data folder is the user's alone (0700) and the database with its WAL and shared
 * memory files too (0600), so another account on a shared branch PC cannot read a client. Created that way, and
 * repaired on every start for folders and files made by older versions or copied in with a looser mode. POSIX only:
 * on Windows the folder under %APPDATA% already has an ACL for the user alone.
 */

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

const posix = process.platform !== 'win32';

function ownedByMe(stat: fs.Stats): boolean {
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/** Creates the folder 0700, or takes group and other access away from an existing one this user owns. */
export function ensurePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (!posix) return;
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) !== 0 && ownedByMe(stat)) fs.chmodSync(dir, stat.mode & PRIVATE_DIR);
}

/** Takes group and other access away from these files where they exist and this user owns them. */
export function ensurePrivateFiles(...files: string[]): void {
  if (!posix) return;
  for (const file of files) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (stat.isFile() && (stat.mode & 0o077) !== 0 && ownedByMe(stat)) fs.chmodSync(file, stat.mode & PRIVATE_FILE);
  }
}

/** Creates an empty file 0600 if there is none, so that SQLite (which copies the database's mode to its WAL) starts private. */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, PRIVATE_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
