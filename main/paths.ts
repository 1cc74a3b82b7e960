import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Advisor Desk';
export const DATABASE_FILE_NAME = 'advisor-desk.sqlite';

/**
 * Where Advisor Desk keeps its data. `ADVISOR_DESK_DATA` wins (tests, portable installs);
 * inside Electron the caller passes app.getPath('userData'); otherwise the same folder Electron would pick,
 * so the CLI, browser mode and the desktop app share one database by default.
 */
export function resolveDataDir(options: { env?: NodeJS.ProcessEnv; electronUserData?: string } = {}): string {
  const env = options.env ?? process.env;
  const override = env.ADVISOR_DESK_DATA?.trim();
  if (override) return path.resolve(override);
  if (options.electronUserData) return options.electronUserData;
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default: {
      // The XDG spec says to ignore an empty or relative XDG_CONFIG_HOME: taking it would put the database in
      // whatever folder the app was started from.
      const xdg = env.XDG_CONFIG_HOME?.trim();
      const config = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
      return path.join(config, APP_FOLDER_NAME);
    }
  }
}

/** The database file: `--db`/`ADVISOR_DESK_DB` for the CLI, else the one in the data folder. */
export function resolveDatabasePath(
  options: { explicit?: string | undefined; env?: NodeJS.ProcessEnv; dataDir?: string } = {},
): string {
  const env = options.env ?? process.env;
  if (options.explicit) return path.resolve(options.explicit);
  const fromEnv = env.ADVISOR_DESK_DB?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(options.dataDir ?? resolveDataDir({ env }), DATABASE_FILE_NAME);
}
