import path from 'node:path';

/** The folder inside the data folder where the Compliance page's exports are written, one folder each. */
export const exportsDirOf = (dataDir: string): string => path.join(dataDir, 'exports');
