import { useEffect, useState } from 'react';
import { guardLeaving } from '../../routing/use-route';

/**
 * While `active` (unsaved edits), leaving the page asks first: a route change is held until the advisor chooses
 * (`pending` is then set; `leave` goes on, `stay` keeps the page), and a reload or closing the window gets the
 * browser's own question (in the desktop app, main asks with a dialog).
 */
export function useLeaveGuard(active: boolean): { pending: boolean; leave(): void; stay(): void } {
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (!active) return;
    const release = guardLeaving((go) => {
      setProceed(() => go);
      return false;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when a value is returned.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active]);
  return {
    pending: proceed !== null,
    leave: () => {
      const go = proceed;
      setProceed(null);
      go?.();
    },
    stay: () => setProceed(null),
  };
}
