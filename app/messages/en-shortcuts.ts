/** Keyboard shortcuts, their help dialog and the skip link. */
export const enShortcuts = {
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.open': 'Keyboard shortcuts',
  'shortcuts.hint': 'Letter keys do nothing while you type in a field. Some shortcuts work only on the pages named.',
  'shortcuts.close': 'Close',
  'shortcuts.keyColumn': 'Keys',
  'shortcuts.actionColumn': 'Action',
  'shortcuts.or': 'or',
  'shortcuts.search': 'Search clients',
  'shortcuts.nextClient': 'Next client, in the order of the client list you last saw (on a client page)',
  'shortcuts.previousClient': 'Previous client, in the order of the client list you last saw (on a client page)',
  'shortcuts.prepare': 'Prepare the meeting or day shown (on the meetings page)',
  'shortcuts.draft': 'Draft a pitch for the focused or first recommendation (client page); draft again (pitch page)',
  'shortcuts.approve': 'Approve the pitch shown, or submit it for review (pitch page)',
  'shortcuts.help': 'Show this list',
  'a11y.skipToMain': 'Skip to main content',
  /** A reaction button as a screen reader names it: its visible word first, then the product it is about. */
  'a11y.reactionButton': '{outcome}: {product}',
} satisfies Record<string, string>;
