import type { OffPolicyMessageKey } from './en-off-policy';

/** 离线策略评估（“策略评估”页面与 `analytics offpolicy`）及探索设置的简体中文文本。 */
export const zhCNOffPolicy: Record<OffPolicyMessageKey, string> = {
  'nav.policyEstimates': '策略评估',
  'offPolicy.title': '策略评估',
  'offPolicy.intro':
    '在任何客户看到之前，根据实际展示过的排名及每个产品被展示的概率，估计各候选排名策略本会带来的转化。排名会以很小的概率探索最后一位，使这种估计成为可能；对于日志给予机会过少的策略，不作估计并说明原因。',
  'offPolicy.outcome': '计为转化',
  'offPolicy.outcome.accepted': '已接受',
  'offPolicy.outcome.interested': '感兴趣或已接受',
  'offPolicy.from': '展示起始日',
  'offPolicy.to': '展示截止日（不含）',
  'offPolicy.summary':
    '本期间共展示 {rankings, number} 次排名，{without, plural, =0 {均记录了展示概率} other {其中 {without, number} 次在记录展示概率之前保存（已排除）}}。',
  'offPolicy.chartTitle': '每个展示产品的估计转化率及 95% 自助法区间',
  'offPolicy.col.policy': '策略',
  'offPolicy.col.estimator': '估计方法',
  'offPolicy.col.value': '估计值',
  'offPolicy.col.interval': '95% 区间',
  'offPolicy.col.ess': '有效样本量',
  'offPolicy.estimator.ips': '逆倾向加权（IPS）',
  'offPolicy.estimator.snips': '自归一化 IPS',
  'offPolicy.estimator.dr': '双重稳健',
  'offPolicy.ess': '{n, number} 次排名',
  'offPolicy.refused': '未估计',
  'offPolicy.refusal.no-log': '无法估计：本期间展示的排名均未记录其产品的展示概率。',
  'offPolicy.refusal.never-logged': '无法估计：已展示的排名从未包含该策略会展示的任何产品。',
  'offPolicy.refusal.unsupported':
    '无法估计：该策略会展示的产品中有 {share} 在已记录的排名中根本不可能被展示（最多允许 {allowed}），例如 {examples}。',
  'offPolicy.refusal.low-propensity':
    '无法估计：产品 {action} 的展示概率仅为 {p}（至少需要 {allowed}），其权重会压倒整个估计。',
  'offPolicy.refusal.low-ess':
    '无法估计：对该策略而言，已记录的排名只相当于 {ess, number} 次排名（至少需要 {required, number} 次）。请让排名探索更长时间或提高探索率。',
  'offPolicy.refusal.not-replayable': '无法估计：该策略使用语言模型信号，而过去排名的这些信号并未保存。',
  'offPolicy.refusal.unknown-policy': '没有名为 {policy} 的策略。已知策略：{known}。',
  'offPolicy.cli.header': '离线策略估计（{outcome}）',
  'exploration.title': '探索',
  'exploration.label': '探索率',
  'exploration.hint':
    '排名以此概率在最后一位展示一个排在前列之外的适合产品，而不是策略自己的选择，以便根据日志评估其他策略。始终只展示适合的产品。0 表示关闭探索；最大 0.5；默认 0.05。',
  'exploration.save': '保存',
  'exploration.saved': '探索率已保存。',
  'exploration.invalid': '请输入 0 到 0.5 之间的探索率。',
};
