import type { ModelSelectionMessageKey } from './en-model-selection';

/** 意向模型设置选择的简体中文文本：各候选设置是什么，以及为何选中其一。 */
export const zhCNModelSelection: Record<ModelSelectionMessageKey, string> = {
  'selection.about.default': '因子分解机，分位数分箱，提前停止',
  'selection.about.no-bins': '因子分解机，数值仅作标准化处理',
  'selection.about.slow-shrunk': '因子分解机，步长 0.02，L2 正则加强十倍',
  'selection.about.five-epochs': '因子分解机，完整训练五轮，不提前停止',
  'selection.about.identities': '因子分解机，出现至少 3 次的客户与产品编号作为因子；其他编号不计入',
  'selection.about.boosted':
    '因子分解机，加上拟合其残差的 200 棵梯度提升树（深度 4，步长 0.1；客户和产品编号留给因子分解机）',
  'selection.about.linear': '逻辑回归（关闭因子），分位数分箱',
  'selection.tooFew':
    '近期结果太少，无法比较（训练结果中最近 {share} 有 {judged} 条，其中 {positives} 条为正；至少需要 {minRows} 条且正负各 {minClass} 条），因此采用默认设置',
  'selection.defaultHeld':
    '在最近 {judged} 条训练结果上，没有其他设置的 AUC 比默认设置高出 {tie} 以上（其余最佳：{runnerUp}，{runnerUpAuc}）',
  'selection.beatDefault': '在最近 {judged} 条训练结果上 AUC 最高：{auc}，默认设置为 {defaultAuc}',
  'selection.defaultHeldWithGain':
    '在最近 {judged} 条训练结果上，没有其他设置的 AUC 比默认设置高出 {tie} 以上（其余最佳：{runnerUp}，{runnerUpAuc}；相对默认设置 {gain}，后一数字为差值的标准误）',
  'selection.beatDefaultWithGain':
    '在最近 {judged} 条训练结果上 AUC 最高：{auc}，默认设置为 {defaultAuc}（{gain}，后一数字为差值的标准误）',
  'model.summary.settings': '所选设置',
  'model.summary.settingsWhy': '原因',
  'model.summary.settingsValue': '{name}：{about}',
};
