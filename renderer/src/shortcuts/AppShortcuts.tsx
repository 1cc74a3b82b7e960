import { navigate } from '../routing/use-route';
import { ShortcutHelpDialog } from './ShortcutHelpDialog';
import { requestSearchFocus, useShortcut, useShortcutListener } from './use-shortcut';

/**
 * The shortcuts that work on every page: "?" opens the list, search goes to the client list and focuses its box
 * (the client list answers search itself while it shows).
 */
export function AppShortcuts({ helpOpen, onHelp }: { helpOpen: boolean; onHelp: (open: boolean) => void }) {
  useShortcutListener();
  useShortcut('help', () => onHelp(true), !helpOpen);
  useShortcut('search', () => {
    requestSearchFocus();
    navigate({ name: 'clients' });
  });
  return <ShortcutHelpDialog open={helpOpen} onClose={() => onHelp(false)} />;
}
