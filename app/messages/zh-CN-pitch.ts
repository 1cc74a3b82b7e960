import type { PitchMessageKey } from './en-pitch';

/** 推介文本的简体中文部分：期限、提示词所见的客户分档事实、风险揭示与风险等级。 */
export const zhCNPitch: Record<PitchMessageKey, string> = {
  'pitch.term.years': '{n} 年',
  'pitch.term.months': '{n} 个月',

  'pitch.amountBand.under100k': '10 万以下',
  'pitch.amountBand.to500k': '10 万至 50 万',
  'pitch.amountBand.to1m': '50 万至 100 万',
  'pitch.amountBand.to5m': '100 万至 500 万',
  'pitch.amountBand.to20m': '500 万至 2000 万',
  'pitch.amountBand.over20m': '2000 万以上',
  'pitch.ageBand.under25': '25 岁以下',
  'pitch.ageBand.over75': '75 岁及以上',
  'pitch.ageBand.range': '{low} 至 {high} 岁',
  'pitch.yearsBand.under2': '不足 2 年',
  'pitch.yearsBand.to5': '2 至 5 年',
  'pitch.yearsBand.to10': '5 至 10 年',
  'pitch.yearsBand.over10': '10 年及以上',

  'disclosure.family.deposit': '存款仅在存款保险限额内受保障；利率可能调整。',
  'disclosure.family.fund': '基金净值可升可跌，本金存在亏损风险。',
  'disclosure.family.security': '价格可能下跌，您可能无法收回全部投资。',
  'disclosure.family.insurance': '仅按保险条款承担保障责任；提前退保所得可能少于已交保费。',
  'disclosure.family.consumer_credit': '请量力借款；逾期还款会影响您的信用记录。',
  'disclosure.family.business_finance': '无论经营状况如何企业均须还款，并须支付利息和费用。',
  'disclosure.grade.R1': '低',
  'disclosure.grade.R2': '中低',
  'disclosure.grade.R3': '中',
  'disclosure.grade.R4': '中高',
  'disclosure.grade.R5': '高',
  'disclosure.gradeStatement': '风险等级 {grade}（{words}风险，R1 最低，R5 最高）。',
};
