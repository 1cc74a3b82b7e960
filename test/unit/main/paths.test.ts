import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, resolveDatabasePath } from '../../../main/paths';

describe.skipIf(process.platform === 'win32' || process.platform === 'darwin')('where the data lives on Linux', () => {
  const standard = path.join(os.homedir(), '.config', 'Advisor Desk');

  it('follows an absolute XDG_CONFIG_HOME, and ignores an empty or relative one instead of using the current folder', () => {
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/srv/cfg' } })).toBe('/srv/cfg/Advisor Desk');
    for (const xdg of ['', '   ', 'relative/cfg', '.'])
      expect(resolveDataDir({ env: { XDG_CONFIG_HOME: xdg } })).toBe(standard);
    expect(resolveDataDir({ env: {} })).toBe(standard);
    expect(path.isAbsolute(resolveDatabasePath({ env: { XDG_CONFIG_HOME: '' } }))).toBe(true);
  });

  it('ADVISOR_DESK_DATA wins over everything', () => {
    expect(resolveDataDir({ env: { ADVISOR_DESK_DATA: '/data/ad', XDG_CONFIG_HOME: '/srv/cfg' } })).toBe('/data/ad');
  });
});
