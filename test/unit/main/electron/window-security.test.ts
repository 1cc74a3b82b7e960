import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../../main/electron/window-options';
import { hardenSession, hardenWebContents } from '../../../../main/electron/window-security';
import { APP_ENTRY_URL, isAppUrl, RENDERER_CSP } from '../../../../main/electron/app-protocol';

// Electron's own security checklist, checked on the options and handlers we hand to Electron.
// These run without an Electron binary; the Electron e2e test repeats the key ones live.

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/dist/main/preload.cjs', { width: 1200, height: 800 }).webPreferences ?? {};

  it('isolates the page from Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
  });
});

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    fire(name: string, url: string): boolean {
      const preventDefault = vi.fn();
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no ${name} handler`);
      listener({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('navigation and new windows', () => {
  const contents = fakeContents();
  hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0]);

  it('refuses navigation to any other site or file', () => {
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('allows moving within our own page', () => {
    expect(contents.fire('will-navigate', `${APP_ENTRY_URL}#/clients`)).toBe(false);
  });

  it('denies window.open and webviews', () => {
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview', '')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let device: ((...args: unknown[]) => boolean) | null = null;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    } as unknown as Parameters<typeof hardenSession>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission, 'advisor-desk://app', {})).toBe(false);
    }
    expect(device!({})).toBe(false);
  });
});

describe('content security policy and origin', () => {
  it('allows scripts only from the app itself and no remote connections', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("connect-src 'self'");
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP).not.toMatch(/https?:/);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
  });

  it('recognises only our own scheme and host as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('advisor-desk://other/index.html')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
