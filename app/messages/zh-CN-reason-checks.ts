import type { ReasonCheckMessageKey } from './en-reason-checks';

/** 需先按数字核实前提的理由、语言模型信号的名称，以及排序中信贷产品的筛选说明（简体中文）。 */
export const zhCNReasonChecks: Record<ReasonCheckMessageKey, string> = {
  'reasonCheck.minimum.large': '{minimum}的起投金额占客户可投资资产（{assets}）的 {share}',
  'reasonCheck.minimum.small': '{minimum}的起投金额远低于客户的可投资资产（{assets}）',
  'reasonCheck.reserve.short':
    '起投金额 {minimum} 超过可投资资产 {assets}，无法留出 {months} 个月支出的应急储备（{reserve}）',
  'reasonCheck.lockupAge.open': '客户 {age} 岁；产品资金占用无固定期限，将超过 {limit} 岁的年龄上限',
  'reasonCheck.concentration.holding':
    '已持有 {held}，本产品占 {base} 的 {productShare}（上限 {productLimit}）；{category}类合计占 {categoryShare}（上限 {categoryLimit}）',
  'reasonCheck.kind.up': '客户类型对其有利',
  'reasonCheck.kind.down': '客户类型对其不利',
  'reasonCheck.fees.up': '其费用水平对其有利',
  'reasonCheck.fees.down': '其费用水平对其不利',
  'reasonCheck.liquidity.up': '资金可取回的时间对其有利',
  'reasonCheck.liquidity.down': '资金可取回的时间对其不利',
  'reasonCheck.horizon.up': '客户的投资期限对其有利',
  'reasonCheck.horizon.down': '客户的投资期限对其不利',
  'reasonCheck.experience.complexNoKnowledge': '这是一款复杂产品，而客户未记录任何投资知识',
  'reasonCheck.experience.up': '客户的投资经验对其有利',
  'reasonCheck.signal.similarity': '备注与产品的相似度',
  'reasonCheck.signal.fit': '与所述需求的契合度',
  'reasonCheck.credit.hidden': '已隐藏 {n} 个信贷产品：客户资料中没有借款需求',
  'reasonCheck.credit.included': '应顾问要求已包含信贷产品',
  'reasonCheck.credit.switch': '包含信贷产品',
};
