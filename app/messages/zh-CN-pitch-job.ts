import type { PitchJobMessageKey } from './en-pitch-job';

/** 推介起草过程的简体中文文本：随各版本保存的标签，以及未产生版本时的原因。 */
export const zhCNPitchJob: Record<PitchJobMessageKey, string> = {
  'pitchJob.templateLabel': '模板草稿：未使用语言模型，根据产品事实生成',
  'pitchJob.fallbackLabel': '模板草稿：{file} 在起草时出错（{why}），因此本草稿未使用语言模型生成',
  'pitchJob.editLabel': '顾问编辑的版本',
  'pitchJob.modelLabel': '由本地模型 {file} 起草：使用前请逐句核对',
  'pitchJob.partialLabel': '{label}（{why}：请检查各部分的结尾）',
  'pitchJob.stoppedEarly': '在完成前被停止',
  'pitchJob.cutOff': '在 {tokens} 个 token 处被截断',
  'pitchJob.outOfTokens':
    '模型用完了 {tokens} 个回答 token，推介仍未完成（{why}）。请选择较短的篇幅、以更大的上下文加载模型，或使用模板草稿。',
  'pitchJob.unusable': '模型的回答不是可用的推介（{why}）。请重新起草，或使用模板草稿。',
  'pitchJob.failed': '起草失败：{detail}。应用仍在运行，请重试。',
  'pitchJob.contextTooSmall':
    '模型上下文只有 {context} 个 token，容纳不下这份推介：必要事实需要 {essential} 个，回答需要 {answer} 个，共 {needed} 个。请以至少 {needed} 个 token 的上下文加载模型，或选择上下文更长的模型。',
};
