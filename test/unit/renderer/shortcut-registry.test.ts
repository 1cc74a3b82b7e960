import { describe, expect, it, vi } from 'vitest';
import { en, zhCN } from '../../../app/messages/catalog';
import {
  chordText,
  createShortcutRegistry,
  isTypingTarget,
  shortcutFor,
  SHORTCUTS,
  type KeyPress,
  type ShortcutId,
} from '../../../renderer/src/shortcuts/shortcut-registry';

const body = { tagName: 'BODY', isContentEditable: false };

function press(key: string, target: unknown = body, mods: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods };
}

describe('keyboard shortcuts', () => {
  it('the issue asks for search, next client, prepare, draft and approve, and help lists them all', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    for (const wanted of ['search', 'nextClient', 'previousClient', 'prepare', 'draft', 'approve', 'help'])
      expect(ids).toContain(wanted);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('no two shortcuts share a key', () => {
    const chords = SHORTCUTS.flatMap((s) => s.chords.map(chordText));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('every shortcut has its description in English and in Chinese, and they differ', () => {
    for (const s of SHORTCUTS) {
      expect(en[s.label]).toBeTruthy();
      expect(zhCN[s.label]).toBeTruthy();
      expect(zhCN[s.label]).not.toBe(en[s.label]);
    }
    expect(zhCN['a11y.skipToMain']).not.toBe(en['a11y.skipToMain']);
  });

  it('reads the keys as the help dialog writes them', () => {
    expect(shortcutFor(press('/'))).toBe('search');
    expect(shortcutFor(press('k', body, { ctrlKey: true }))).toBe('search');
    expect(shortcutFor(press('K', body, { metaKey: true }))).toBe('search');
    expect(shortcutFor(press('j'))).toBe('nextClient');
    expect(shortcutFor(press('k'))).toBe('previousClient');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(shortcutFor(press('j', body, { altKey: true }))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
    expect(SHORTCUTS.find((s) => s.id === 'search')!.chords.map(chordText)).toEqual(['/', 'Ctrl+K']);
  });

  it('letter and symbol keys do nothing while the advisor types in a field; Ctrl+K still searches', () => {
    const fields = [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT' },
      { tagName: 'textarea' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ];
    for (const field of fields) {
      expect(isTypingTarget(field)).toBe(true);
      for (const key of ['/', 'j', 'k', 'p', 'd', 'a', '?']) expect(shortcutFor(press(key, field))).toBeNull();
      expect(shortcutFor(press('k', field, { ctrlKey: true }))).toBe('search');
    }
    // A select's or menu's type-ahead, and anything inside an open dialog, keep their letters.
    const withRole = (role: string) => ({ tagName: 'DIV', getAttribute: (n: string) => (n === 'role' ? role : null) });
    for (const role of ['combobox', 'option', 'menuitem']) expect(shortcutFor(press('a', withRole(role)))).toBeNull();
    const inDialog = { tagName: 'BUTTON', closest: (selector: string) => (selector.includes('dialog') ? {} : null) };
    expect(shortcutFor(press('a', inDialog))).toBeNull();
    expect(shortcutFor(press('a', { tagName: 'BUTTON', closest: () => null }))).toBe('approve');
    for (const notTyping of [{ tagName: 'BUTTON' }, { tagName: 'INPUT', type: 'checkbox' }, { tagName: 'A' }, null])
      expect(isTypingTarget(notTyping)).toBe(false);
  });

  it('runs the newest handler of a shortcut, gives the older one back on removal, and stays quiet in fields', () => {
    const registry = createShortcutRegistry();
    const appWide = vi.fn();
    const page = vi.fn();
    registry.register('search', appWide);
    const remove = registry.register('search', page);
    expect(registry.dispatch(press('/'))).toBe(true);
    expect(page).toHaveBeenCalledTimes(1);
    expect(appWide).not.toHaveBeenCalled();
    remove();
    registry.dispatch(press('/'));
    expect(appWide).toHaveBeenCalledTimes(1);
    expect(registry.dispatch(press('/', { tagName: 'TEXTAREA' }))).toBe(false);
    expect(appWide).toHaveBeenCalledTimes(1);
  });

  it('a shortcut no page answers (prepare, until batch preparation lands) is not swallowed', () => {
    const registry = createShortcutRegistry();
    const unanswered: ShortcutId = 'prepare';
    expect(registry.isHandled(unanswered)).toBe(false);
    expect(registry.dispatch(press('p'))).toBe(false);
  });
});
