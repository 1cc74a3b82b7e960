import path from 'node:path';

/** The folder inside the data folder where preparation jobs write their meeting packs, one folder a job. */
export const meetingPacksDirOf = (dataDir: string): string => path.join(dataDir, 'meeting-packs');
