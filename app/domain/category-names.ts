import type { LocalizedText } from './localized-text';

/**
 * Product categories are open-ended data, not an enum: the ones the catalogue ships with get a proper name in
 * both languages, and any other code reads as words ("green_bond" → "green bond"). Shared by the UI, the
 * suitability reasons and the ranking explanations so a category is called the same thing everywhere.
 */
const KNOWN: Record<string, LocalizedText> = {
  savings: { en: 'Savings', zh: '活期储蓄' },
  time_deposit: { en: 'Time deposit', zh: '定期存款' },
  structured_deposit: { en: 'Structured deposit', zh: '结构性存款' },
  money_market: { en: 'Money market', zh: '货币市场' },
  bond_fund: { en: 'Bond fund', zh: '债券基金' },
  balanced_fund: { en: 'Balanced fund', zh: '平衡型基金' },
  equity_index_fund: { en: 'Equity index fund', zh: '股票指数基金' },
  sector_fund: { en: 'Sector fund', zh: '行业主题基金' },
  cross_border_fund: { en: 'Cross-border fund', zh: '跨境基金' },
  government_bond: { en: 'Government bond', zh: '国债' },
  corporate_bond: { en: 'Corporate bond', zh: '公司债' },
  convertible_bond: { en: 'Convertible bond', zh: '可转债' },
  equity: { en: 'Equity', zh: '股票' },
  term_life: { en: 'Term life', zh: '定期寿险' },
  critical_illness: { en: 'Critical illness', zh: '重大疾病险' },
  medical: { en: 'Medical', zh: '医疗险' },
  accident: { en: 'Accident', zh: '意外险' },
  annuity: { en: 'Annuity', zh: '年金险' },
  investment_linked: { en: 'Investment-linked', zh: '投资连结险' },
  credit_card: { en: 'Credit card', zh: '信用卡' },
  personal_loan: { en: 'Personal loan', zh: '个人贷款' },
  car_loan: { en: 'Car loan', zh: '汽车贷款' },
  mortgage: { en: 'Mortgage', zh: '住房按揭' },
  instalment_plan: { en: 'Instalment plan', zh: '分期付款' },
  working_capital_loan: { en: 'Working-capital loan', zh: '流动资金贷款' },
  invoice_factoring: { en: 'Invoice factoring', zh: '应收账款保理' },
  supply_chain_finance: { en: 'Supply-chain finance', zh: '供应链金融' },
  equipment_leasing: { en: 'Equipment leasing', zh: '设备租赁' },
  trade_finance: { en: 'Trade finance', zh: '贸易融资' },
  cash_management: { en: 'Cash management', zh: '现金管理' },
};

export function categoryName(category: string): LocalizedText {
  const known = Object.prototype.hasOwnProperty.call(KNOWN, category) ? KNOWN[category] : undefined;
  if (known) return known;
  const words = category.replace(/_/g, ' ');
  return { en: words, zh: words };
}
