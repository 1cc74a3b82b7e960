import type { PitchEditorMessageKey } from './en-pitch-editor';

/** 推介编辑器的简体中文文本：相对机器草稿的修改、本地草稿，以及带着未保存修改离开。 */
export const zhCNPitchEditor: Record<PitchEditorMessageKey, string> = {
  'pitchEditor.diffTitle': '您对机器草稿（版本 {version}）的修改',
  'pitchEditor.diffLegend': '新增文字带下划线，删除文字带删除线。',
  'pitchEditor.added': '新增',
  'pitchEditor.removed': '删除',
  'pitchEditor.restored': '已从本机恢复未保存的修改。请将其保存为新版本，或放弃修改。',
  'pitchEditor.leaveTitle': '带着未保存的修改离开？',
  'pitchEditor.leaveBody':
    '您对版本 {version} 的修改尚未保存为版本。修改会作为本地草稿保留在本机，再次打开此推介时会恢复。',
  'pitchEditor.leave': '离开',
  'pitchEditor.unloadMessage': '带着未保存的推介修改离开？',
  'pitchEditor.unloadDetail': '修改会作为本地草稿保留在本机，再次打开此推介时会恢复。',
  'pitchEditor.unloadLeave': '离开',
  'pitchEditor.unloadStay': '留下',
};
