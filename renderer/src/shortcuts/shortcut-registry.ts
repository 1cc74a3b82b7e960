import type { MessageKey } from '../../../app/messages';

export type ShortcutId = 'search' | 'nextClient' | 'previousClient' | 'prepare' | 'draft' | 'approve' | 'help';

export interface KeyChord {
  key: string;
  /** Ctrl on Windows and Linux; ⌘ also counts, so the same chord works on a Mac. */
  ctrl?: boolean;
}

export interface ShortcutDefinition {
  id: ShortcutId;
  chords: readonly KeyChord[];
  label: MessageKey;
}

/** Every shortcut the app has, in the order the help dialog lists them. */
export const SHORTCUTS: readonly ShortcutDefinition[] = [
  { id: 'search', chords: [{ key: '/' }, { key: 'k', ctrl: true }], label: 'shortcuts.search' },
  { id: 'nextClient', chords: [{ key: 'j' }], label: 'shortcuts.nextClient' },
  { id: 'previousClient', chords: [{ key: 'k' }], label: 'shortcuts.previousClient' },
  // Prepare: the agenda's selection, else the day shown (PrepareControls registers it).
  { id: 'prepare', chords: [{ key: 'p' }], label: 'shortcuts.prepare' },
  { id: 'draft', chords: [{ key: 'd' }], label: 'shortcuts.draft' },
  { id: 'approve', chords: [{ key: 'a' }], label: 'shortcuts.approve' },
  { id: 'help', chords: [{ key: '?' }], label: 'shortcuts.help' },
];

/** How a chord is written in the help dialog: "Ctrl+K", "/", "J". */
export function chordText(chord: KeyChord): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return chord.ctrl ? `Ctrl+${key}` : key;
}

/** The parts of a keyboard event the registry looks at, so it can be tested without a DOM. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}

interface TargetLike {
  tagName?: unknown;
  isContentEditable?: unknown;
  type?: unknown;
  getAttribute?: (name: string) => string | null;
  closest?: (selector: string) => unknown;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);
/** Widgets that take letters themselves: a select's type-ahead, a menu's, a slider's or a spin button's keys. */
const KEY_TAKING_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'menu',
  'menuitem',
  'slider',
  'spinbutton',
]);
/** Inside these, the page underneath must not react: a dialog is modal, an open menu or list owns the keys. */
const KEY_OWNING_CONTAINERS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/**
 * True when a key press belongs to what has focus: a text field, a text area, a select or menu (type-ahead), an
 * editable, or anything inside an open dialog.
 */
export function isTypingTarget(target: unknown): boolean {
  if (target === null || typeof target !== 'object') return false;
  const t = target as TargetLike;
  if (t.isContentEditable === true) return true;
  if (KEY_TAKING_ROLES.has(t.getAttribute?.('role') ?? '')) return true;
  if (t.closest?.(KEY_OWNING_CONTAINERS)) return true;
  const tag = typeof t.tagName === 'string' ? t.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has(String(t.type ?? 'text').toLowerCase());
  return false;
}

/**
 * The shortcut a key press means, if any. A letter or symbol without a modifier types text in a field, so it is a
 * shortcut only outside one; a Ctrl chord is a shortcut everywhere. Alt chords are left to the system and menus.
 */
export function shortcutFor(press: KeyPress): ShortcutId | null {
  if (press.altKey) return null;
  const ctrl = press.ctrlKey || press.metaKey;
  if (!ctrl && isTypingTarget(press.target)) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const shortcut of SHORTCUTS)
    if (shortcut.chords.some((c) => c.key === key && Boolean(c.ctrl) === ctrl)) return shortcut.id;
  return null;
}

type Handler = () => void;

export interface ShortcutRegistry {
  /** Adds a handler; the newest registration of an id wins until it is removed (a page over the app-wide one). */
  register(id: ShortcutId, handler: Handler): () => void;
  /** Runs the handler of the shortcut this key press means; true when one ran, so the caller can stop the key. */
  dispatch(press: KeyPress): boolean;
  /** Whether something on screen answers this shortcut now. */
  isHandled(id: ShortcutId): boolean;
}

export function createShortcutRegistry(): ShortcutRegistry {
  const handlers = new Map<ShortcutId, { handler: Handler }[]>();
  return {
    register(id, handler) {
      const entry = { handler };
      const list = handlers.get(id) ?? [];
      list.push(entry);
      handlers.set(id, list);
      return () => {
        const current = handlers.get(id) ?? [];
        handlers.set(
          id,
          current.filter((e) => e !== entry),
        );
      };
    },
    dispatch(press) {
      const id = shortcutFor(press);
      if (id === null) return false;
      const list = handlers.get(id) ?? [];
      const top = list[list.length - 1];
      if (!top) return false;
      top.handler();
      return true;
    },
    isHandled(id) {
      return (handlers.get(id) ?? []).length > 0;
    },
  };
}

/** The one registry of the window: pages register into it, the app frame listens for keys and dispatches. */
export const shortcutRegistry = createShortcutRegistry();
