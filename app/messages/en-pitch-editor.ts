/** English text of the pitch editor: the changes from the machine draft, the local draft and leaving with edits. */
export const enPitchEditor = {
  'pitchEditor.diffTitle': 'Your changes to the machine draft (version {version})',
  'pitchEditor.diffLegend': 'Added text is underlined, removed text struck through.',
  'pitchEditor.added': 'added',
  'pitchEditor.removed': 'removed',
  'pitchEditor.restored': 'Unsaved edits restored from this computer. Save them as a version, or discard them.',
  'pitchEditor.leaveTitle': 'Leave with unsaved edits?',
  'pitchEditor.leaveBody':
    'Your edits to version {version} are not saved as a version. They stay on this computer as a local draft and come back when you open this pitch again.',
  'pitchEditor.leave': 'Leave',
  'pitchEditor.unloadMessage': 'Leave with unsaved pitch edits?',
  'pitchEditor.unloadDetail':
    'The edits stay on this computer as a local draft and come back when you open the pitch again.',
  'pitchEditor.unloadLeave': 'Leave',
  'pitchEditor.unloadStay': 'Stay',
} satisfies Record<string, string>;

export type PitchEditorMessageKey = keyof typeof enPitchEditor;
