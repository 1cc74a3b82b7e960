import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { navigate } from '../../routing/use-route';
import { neighbourClient } from '../../shortcuts/client-list-order';
import { useShortcut } from '../../shortcuts/use-shortcut';

/**
 * A client page's shortcuts: next and previous client in the order of the list the advisor last saw, and draft a
 * pitch for the recommendation that has focus (or the first one) by pressing that row's own Draft button, so the
 * shortcut does exactly what the button does and nothing when the button is not offered.
 */
export function useClientShortcuts(clientId: string): void {
  const queryClient = useQueryClient();
  const stepping = useRef(false);
  const step = (direction: 1 | -1) => {
    if (stepping.current) return;
    stepping.current = true;
    neighbourClient(queryClient, clientId, direction)
      .then((id) => {
        if (id !== null && id !== clientId) navigate({ name: 'client', id });
      })
      .catch(() => undefined)
      .finally(() => {
        stepping.current = false;
      });
  };
  useShortcut('nextClient', () => step(1));
  useShortcut('previousClient', () => step(-1));
  useShortcut('draft', () => {
    const focused = document.activeElement?.closest('[data-testid="recommendation-row"]');
    const row = focused ?? document.querySelector('[data-testid="recommendation-row"]');
    row?.querySelector<HTMLElement>('[data-testid="recommendation-draft-pitch"]')?.click();
  });
}
