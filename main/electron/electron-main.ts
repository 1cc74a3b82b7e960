import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendConnection } from '../host/backend-connection';
import { registerIpcHandlers } from './ipc-handlers';
import { translate } from '../../app/messages';
import { showExportHandler } from './show-export';
import { showPacksHandler } from './show-packs';
import { meetingPacksDirOf } from '../backend/meeting-packs-dir';
import { exportsDirOf } from '../records/exports-dir';
import { startUtilityBackend } from './utility-backend';
import { EVENT_CHANNEL } from '../ipc/ipc-channels';
import { startSessionLog, type SessionLog } from '../log/session-log';
import { readStaticFile } from '../web/static-files';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, RENDERER_CSP } from './app-protocol';
import { appMenuTemplate } from './app-menu';
import { mainWindowOptions } from './window-options';
import { hardenSession, hardenWebContents } from './window-security';
import { loadWindowState, saveWindowState } from './window-state';
import { ensurePrivateFolder } from '../db/private-files';
import { DB_KEY_ENV, looksEncrypted } from '../db/store-cipher';
import { DATABASE_FILE_NAME } from '../paths';
import {
  desktopStoreKey,
  encryptDesktopStore,
  ENCRYPT_STORE_SWITCH,
  keepDesktopKey,
  systemKeychain,
} from './desktop-store-key';

// This file only wires Electron to modules that are tested without it; keep logic out of here.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

if (process.env.ADVISOR_DESK_DATA?.trim()) app.setPath('userData', path.resolve(process.env.ADVISOR_DESK_DATA.trim()));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let backend: BackendConnection | null = null;
let sessionLog: SessionLog | null = null;

/**
 * In development better-sqlite3 (and its cipher build, for an encrypted store) is built twice: for Node (tests, CLI)
 * and for Electron, in build/electron-native.
 */
function electronNativeBinding(moduleName: 'better-sqlite3' | 'better-sqlite3-multiple-ciphers'): string | undefined {
  if (app.isPackaged) return undefined;
  const binding = path.join(
    app.getAppPath(),
    'build',
    'electron-native',
    'node_modules',
    moduleName,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(binding))
    throw new Error(
      `${moduleName} is not built for Electron yet. Run \`npm run build:electron-native\`, then start again.`,
    );
  return binding;
}

function createMainWindow(dataDir: string): BrowserWindow {
  const state = loadWindowState(
    dataDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(preloadPath, state.bounds));
  hardenWebContents(window.webContents);
  // The pitch editor holds a reload or close while edits are unsaved; Electron asks nobody of itself, so ask here.
  window.webContents.on('will-prevent-unload', (event) => {
    const language = app.getLocale().startsWith('zh') ? 'zh-CN' : 'en';
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [translate(language, 'pitchEditor.unloadLeave'), translate(language, 'pitchEditor.unloadStay')],
      defaultId: 1,
      cancelId: 1,
      message: translate(language, 'pitchEditor.unloadMessage'),
      detail: translate(language, 'pitchEditor.unloadDetail'),
    });
    if (choice === 0) event.preventDefault();
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () =>
    saveWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void backend?.close();
    sessionLog?.stop();
  });
  // The reason is one of Electron's words (crashed, oom, killed…), safe for the support log.
  app.on('render-process-gone', (_event, _contents, details) =>
    sessionLog?.log.error('app', `renderer gone: ${details.reason}`),
  );

  void app.whenReady().then(async () => {
    try {
      hardenSession(session.defaultSession);
      protocol.handle(APP_SCHEME, (request) => {
        const url = new URL(request.url);
        const file = url.host === APP_HOST ? readStaticFile(rendererDir, url.pathname) : null;
        if (!file) return new Response('Not found', { status: 404 });
        return new Response(new Uint8Array(file.body), {
          headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': RENDERER_CSP },
        });
      });
      const dataDir = app.getPath('userData');
      ensurePrivateFolder(dataDir);
      sessionLog = startSessionLog({ dataDir, mode: 'electron' });
      const databasePath = path.join(dataDir, DATABASE_FILE_NAME);
      const encrypting = process.argv.includes(ENCRYPT_STORE_SWITCH);
      const keychain = systemKeychain(safeStorage);
      let storeKey = await desktopStoreKey(dataDir, keychain);
      // Read once: the language engines this process starts inherit its environment.
      delete process.env[DB_KEY_ENV];
      const cipherBinding =
        encrypting || storeKey || looksEncrypted(databasePath)
          ? electronNativeBinding('better-sqlite3-multiple-ciphers')
          : undefined;
      if (encrypting && !looksEncrypted(databasePath))
        storeKey = { key: await encryptDesktopStore(dataDir, databasePath, keychain, cipherBinding), from: 'keychain' };
      const opened = await startUtilityBackend(path.join(here, 'backend-utility.mjs'), {
        dataDir,
        mode: 'electron',
        auditChecks: true,
        nativeBinding: electronNativeBinding('better-sqlite3'),
        cipherBinding,
        ...(storeKey ? { databaseKey: storeKey.key } : {}),
      });
      if (storeKey) await keepDesktopKey(dataDir, databasePath, keychain, storeKey);
      backend = opened;
      mainWindow = createMainWindow(dataDir);
      mainWindow.once('ready-to-show', () => sessionLog?.ready());
      registerIpcHandlers(ipcMain, opened, () => mainWindow?.webContents ?? null, {
        'records:show-export': showExportHandler(exportsDirOf(dataDir), (file) => shell.showItemInFolder(file)),
        'prepare:show-folder': showPacksHandler(meetingPacksDirOf(dataDir), (folder) => void shell.openPath(folder)),
      });
      const navigate = (route: 'clients' | 'clients/new' | 'products' | 'meetings' | 'models' | 'settings') =>
        mainWindow?.webContents.send(EVENT_CHANNEL, 'app:navigate', { route });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          appMenuTemplate({ isMac: process.platform === 'darwin', navigate, showDevTools: !app.isPackaged }),
        ),
      );
    } catch (error) {
      sessionLog?.failed(error);
      dialog.showErrorBox('Advisor Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    }
  });
}
