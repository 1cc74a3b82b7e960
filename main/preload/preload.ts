import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AdvisorDeskBridge } from '../../app/contract/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/ipc-channels';

/**
 * Exposes exactly the contract: invoke(channel, input) and on(event, listener).
 * The raw ipcRenderer never reaches the page, and listeners receive only the payload.
 */
const bridge: AdvisorDeskBridge = {
  mode: 'electron',
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('advisorDesk', bridge);
