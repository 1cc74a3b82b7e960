import { beforeEach, describe, expect, it, vi } from 'vitest';

// The preload runs inside Electron; here Electron's two objects it touches are stood in for,
// to check that the page gets the contract and nothing more.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
const listeners: ((event: unknown, name: unknown, payload: unknown) => void)[] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (_channel: string, listener: (event: unknown, name: unknown, payload: unknown) => void) =>
      listeners.push(listener),
    removeListener: (_channel: string, listener: (event: unknown, name: unknown, payload: unknown) => void) =>
      listeners.splice(listeners.indexOf(listener), 1),
  },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../../../main/preload/preload');
  });

  it('exposes only window.advisorDesk with invoke, on and mode', () => {
    expect(Object.keys(exposed)).toEqual(['advisorDesk']);
    expect(Object.keys(exposed.advisorDesk as object).sort()).toEqual(['invoke', 'mode', 'on']);
  });

  it('forwards invoke over the single contract channel and passes events without the IPC event object', async () => {
    const bridge = exposed.advisorDesk as {
      invoke: (c: string, i: unknown) => Promise<unknown>;
      on: (e: string, l: (p: unknown) => void) => () => void;
    };
    await bridge.invoke('clients:get', { id: 'C1' });
    expect(invoke).toHaveBeenCalledWith('advisor-desk:invoke', 'clients:get', { id: 'C1' });
    const seen: unknown[] = [];
    const off = bridge.on('data:changed', (p) => seen.push(p));
    listeners[0]!({ sender: 'ipc-internals' }, 'data:changed', { entity: 'clients' });
    listeners[0]!({ sender: 'ipc-internals' }, 'app:navigate', { route: 'settings' });
    expect(seen).toEqual([{ entity: 'clients' }]);
    off();
    expect(listeners).toHaveLength(0);
  });
});
