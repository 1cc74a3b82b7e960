import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../../main/electron/app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('native menu', () => {
  it('has the usual edit shortcuts through Electron roles and page shortcuts that navigate', () => {
    const navigate = vi.fn();
    const items = flatten(appMenuTemplate({ isMac: false, navigate, showDevTools: false }));
    expect(items.some((i) => i.role === 'editMenu')).toBe(true);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    const clients = items.find((i) => i.accelerator === 'CmdOrCtrl+1');
    (clients?.click as () => void)();
    const newClient = items.find((i) => i.accelerator === 'CmdOrCtrl+N');
    (newClient?.click as () => void)();
    expect(navigate.mock.calls).toEqual([['clients'], ['clients/new']]);
  });

  it('offers developer tools only in development', () => {
    const roles = (dev: boolean) =>
      flatten(appMenuTemplate({ isMac: true, navigate: () => {}, showDevTools: dev })).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('appMenu');
  });
});
