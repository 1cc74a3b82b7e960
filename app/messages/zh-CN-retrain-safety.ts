import type { RetrainSafetyMessageKey } from './en-retrain-safety';

/** 重新训练与当前生效版本在同一批留出结果上比较时的简体中文文本。 */
export const zhCNRetrainSafety: Record<RetrainSafetyMessageKey, string> = {
  'retrainSafety.kept':
    '在同样的 {rows, number} 条留出结果上，新版本 AUC 为 {candidate}，当前生效版本为 {live}——已保留当前生效版本（版本 {liveVersion}）。',
  'retrainSafety.madeLive':
    '在同样的 {rows, number} 条留出结果上，新版本 AUC 为 {candidate}，当前生效版本为 {live}——新版本已生效。',
  'retrainSafety.logLoss': '对数损失：新版本 {candidate}，当前生效版本 {live}（越低越好）。',
  'retrainSafety.notCompared.too-few-new-outcomes':
    '未与当前生效版本比较：晚于其训练数据的留出结果只有 {rows, number} 条（至少需要 {min} 条）；新版本照常生效。',
  'retrainSafety.notCompared.one-kind-of-outcome':
    '未与当前生效版本比较：晚于其训练数据的 {rows, number} 条留出结果全是同一种；新版本照常生效。',
  'retrainSafety.notCompared.unreadable-live-version': '未与当前生效版本比较：无法读取其保存的参数；新版本照常生效。',
  'retrainSafety.keptChip': '未生效：不如 v{version}',
  'retrainSafety.makeLive': '使此版本生效',
  'retrainSafety.confirmTitle': '使版本 {version} 生效？',
  'retrainSafety.confirmBody':
    '版本 {version} 在同样的留出结果上比当前生效版本 {liveVersion} 差（AUC {candidate} 对 {live}）。此后排序将使用版本 {version}；此项更改会记入审计日志。',
  'retrainSafety.confirm': '使其生效',
  'retrainSafety.notLive': '版本 {version} 已保存但未生效：其预测不如当前生效版本。',
  'retrainSafety.cliForced': '已按 --force-live 使版本 {version} 生效。',
  'retrainSafety.cliHint': '如要使较差的版本生效，请加上 --force-live 重新运行，或在模型页面上使其生效。',
};
