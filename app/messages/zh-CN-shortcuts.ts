import type { enShortcuts } from './en-shortcuts';

/** 键盘快捷键、快捷键帮助与跳转链接。 */
export const zhCNShortcuts: Record<keyof typeof enShortcuts, string> = {
  'shortcuts.title': '键盘快捷键',
  'shortcuts.open': '键盘快捷键',
  'shortcuts.hint': '在输入框中打字时，字母快捷键不起作用。部分快捷键仅在注明的页面可用。',
  'shortcuts.close': '关闭',
  'shortcuts.keyColumn': '按键',
  'shortcuts.actionColumn': '操作',
  'shortcuts.or': '或',
  'shortcuts.search': '搜索客户',
  'shortcuts.nextClient': '下一位客户，按您上次查看的客户列表顺序（在客户页面）',
  'shortcuts.previousClient': '上一位客户，按您上次查看的客户列表顺序（在客户页面）',
  'shortcuts.prepare': '准备当前显示的会面或当天的会面（在会面页面）',
  'shortcuts.draft': '为当前聚焦的或第一条推荐起草推介（客户页面）；重新起草（推介页面）',
  'shortcuts.approve': '批准当前推介，或提交审核（推介页面）',
  'shortcuts.help': '显示此列表',
  'a11y.skipToMain': '跳到主要内容',
  'a11y.reactionButton': '{outcome}：{product}',
};
