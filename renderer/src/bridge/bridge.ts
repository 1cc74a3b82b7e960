import type { AdvisorDeskBridge } from '../../../app/contract';
import { createSocketBridge } from './socket-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    advisorDesk?: AdvisorDeskBridge;
  }
}

let bridge: AdvisorDeskBridge | null = null;

/** The one way the renderer reaches the backend: the preload's bridge in Electron, the socket shim in a browser. */
export function getBridge(): AdvisorDeskBridge {
  if (bridge) return bridge;
  bridge = window.advisorDesk ?? createSocketBridge();
  return bridge;
}
