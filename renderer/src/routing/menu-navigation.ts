import { useEffect } from 'react';
import { useBridgeEvent } from '../api/use-bridge-event';
import { navigate } from './use-route';

const NEW_CLIENT_EVENT = 'advisor-desk:new-client';
let newClientPending = false;

/** Follows the native menu's page shortcuts (Electron only; browser mode never sends them). */
export function useMenuNavigation(): void {
  useBridgeEvent('app:navigate', ({ route }) => {
    if (route === 'clients/new') {
      newClientPending = true;
      navigate({ name: 'clients' });
      window.dispatchEvent(new Event(NEW_CLIENT_EVENT));
    } else {
      navigate({ name: route });
    }
  });
}

/** Calls `open` when File › New Client was chosen, whether the clients page was already showing or not. */
export function useNewClientRequests(open: () => void): void {
  useEffect(() => {
    const take = () => {
      if (!newClientPending) return;
      newClientPending = false;
      open();
    };
    take();
    window.addEventListener(NEW_CLIENT_EVENT, take);
    return () => window.removeEventListener(NEW_CLIENT_EVENT, take);
  }, [open]);
}
