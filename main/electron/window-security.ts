import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * Navigation away from our own page and new windows are refused: Advisor Desk shows no
 * remote content, and a link in a product description must not turn the window into a browser.
 */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, microphone, notifications, USB and the rest: nothing is granted, nobody is asked. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
