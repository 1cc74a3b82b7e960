import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../app/contract';

type Route = EventPayload<'app:navigate'>['route'];

/**
 * The native menu: the platform's usual Edit/View/Window roles (so Ctrl+C, Ctrl+Z, zoom and
 * full screen behave as everywhere else) plus shortcuts to each page.
 */
export function appMenuTemplate(options: {
  isMac: boolean;
  navigate: (route: Route) => void;
  showDevTools: boolean;
}): MenuItemConstructorOptions[] {
  const go = (label: string, route: Route, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => options.navigate(route),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        go('New Client', 'clients/new', 'CmdOrCtrl+N'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        go('Clients', 'clients', 'CmdOrCtrl+1'),
        go('Products', 'products', 'CmdOrCtrl+2'),
        go('Meetings', 'meetings', 'CmdOrCtrl+3'),
        go('Language Models', 'models', 'CmdOrCtrl+4'),
        go('Settings', 'settings', 'CmdOrCtrl+,'),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.showDevTools ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}
