import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Result } from '../../app/contract';
import type { BackendConnection } from '../host/backend-connection';
import { isAppUrl } from './app-protocol';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/ipc-channels';

/**
 * Every contract channel goes through one IPC handler: the sender must be our own page in
 * our own window, then dispatch() validates the payload. A bad request gets an error answer;
 * nothing a page sends can throw inside the main process.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: BackendConnection,
  getWindowContents: () => WebContents | null,
  /** Channels the desktop shell answers itself (showing a folder in the file manager); the rest go to the backend. */
  local: Record<string, (input: unknown) => Promise<Result<unknown>>> = {},
): () => void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Result<unknown>> => {
      const contents = getWindowContents();
      if (!contents || event.sender !== contents || !isAppUrl(event.senderFrame?.url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Requests are accepted only from the Advisor Desk window.' },
        };
      }
      const own = typeof channel === 'string' && Object.hasOwn(local, channel) ? local[channel] : undefined;
      return own ? own(input) : backend.invoke(channel, input);
    },
  );
  const unsubscribe = backend.subscribe((name, payload) => {
    const contents = getWindowContents();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
