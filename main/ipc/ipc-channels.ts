/** The two Electron IPC channels underneath the contract: one for requests, one for pushed events. */
export const INVOKE_CHANNEL = 'advisor-desk:invoke';
export const EVENT_CHANNEL = 'advisor-desk:event';
