import type {
  ClientKind,
  LiquidityTerm,
  Product,
  ProductEligibility,
  ProductFamily,
  RateKind,
  RiskGrade,
} from '../domain';

export interface ProductFacts {
  rateKind: RateKind;
  rateMin: number | null;
  rateMax: number | null;
  annualFeePct?: number;
  upfrontFeePct?: number;
  termMonths?: number | null;
  lockupMonths?: number;
  liquidity: LiquidityTerm;
  minimumAmount: number;
  currency?: string;
  complex?: boolean;
  insured?: boolean;
  eligibility?: Partial<ProductEligibility>;
  descriptionEn: string;
  descriptionZh: string;
}

/** Risk disclosures per category in both languages: every pitch must carry the one for its product. */
export const DISCLOSURES: Record<string, [string, string]> = {
  savings: [
    'Deposits are protected by the deposit insurance scheme up to its limit per depositor. The rate may change.',
    '存款受存款保险保障，每位存款人以限额为上限。利率可能调整。',
  ],
  time_deposit: [
    'Withdrawing before maturity earns the demand-deposit rate only. Protected by deposit insurance up to its limit.',
    '提前支取按活期利率计息。受存款保险保障，以限额为上限。',
  ],
  structured_deposit: [
    'Part of the return depends on a market reference and may be at the lower end of the range. Not suitable for clients without experience of complex products.',
    '部分收益与市场挂钩，可能仅获得区间下限收益。不适合缺乏复杂产品经验的客户。',
  ],
  money_market: [
    'Not a deposit; the yield varies daily and past yields do not predict future ones.',
    '非存款产品，收益率每日变动，过往收益不代表未来表现。',
  ],
  bond_fund: [
    'Bond prices fall when interest rates rise; you may get back less than you invested.',
    '利率上升时债券价格下跌，您可能无法收回全部本金。',
  ],
  balanced_fund: [
    'The value of the fund goes up and down with equity and bond markets; capital is at risk.',
    '基金净值随股市和债市波动，本金存在亏损风险。',
  ],
  equity_index_fund: [
    'Tracks a stock index and can fall sharply; capital is at risk.',
    '跟踪股票指数，可能大幅下跌，本金存在亏损风险。',
  ],
  sector_fund: [
    'Concentrated in one sector, so it can move far more than the broad market; capital is at risk.',
    '集中投资单一行业，波动可能远大于大盘，本金存在亏损风险。',
  ],
  cross_border_fund: [
    'Invests abroad: exchange-rate moves and foreign markets affect the value; capital is at risk.',
    '投资境外市场，汇率和境外市场波动会影响净值，本金存在亏损风险。',
  ],
  government_bond: [
    'Selling before maturity may realise a loss if rates have risen.',
    '到期前卖出，如利率上升可能产生亏损。',
  ],
  corporate_bond: [
    'The issuer may fail to pay interest or principal; selling early may realise a loss.',
    '发行人可能无法支付利息或本金；提前卖出可能亏损。',
  ],
  convertible_bond: [
    'Value follows both the issuer’s shares and its credit; it can fall below par.',
    '价值同时受正股和发行人信用影响，可能跌破面值。',
  ],
  equity: [
    'Share prices can fall sharply and you may lose all of your investment.',
    '股票价格可能大幅下跌，您可能损失全部投资。',
  ],
  term_life: ['Pays only on death within the term; there is no cash value.', '仅在保障期内身故时赔付，无现金价值。'],
  critical_illness: [
    'Pays only for the listed illnesses under the policy terms; waiting periods apply.',
    '仅对条款列明的疾病赔付，设有等待期。',
  ],
  medical: [
    'Deductibles, limits and exclusions apply; premiums may rise with age.',
    '设有免赔额、限额和责任免除；保费可能随年龄上调。',
  ],
  accident: ['Covers accidents only, not illness.', '仅保障意外，不保障疾病。'],
  annuity: ['Surrendering early returns less than the premiums paid.', '提前退保所得可能少于已交保费。'],
  investment_linked: [
    'The account value depends on the chosen funds and can fall; charges reduce returns. Surrender in early years costs more.',
    '账户价值取决于所选投资账户，可能下跌；各项费用会降低收益，前期退保费用较高。',
  ],
  credit_card: [
    'Interest is charged on balances not repaid in full by the due date; late payment harms your credit record.',
    '未在到期日前全额还款将计收利息；逾期会影响您的信用记录。',
  ],
  personal_loan: [
    'Borrow only what you can repay; missed payments harm your credit record.',
    '请量力借款；逾期还款会影响您的信用记录。',
  ],
  car_loan: [
    'The car secures the loan and may be repossessed if you do not repay.',
    '车辆作为抵押，未按期还款可能被收回。',
  ],
  mortgage: [
    'Your home may be repossessed if you do not keep up repayments. Variable rates may rise.',
    '未按期还款可能导致房产被处置。浮动利率可能上升。',
  ],
  instalment_plan: [
    'A fee applies to each instalment; the effective annual rate is higher than the fee rate.',
    '每期收取手续费，实际年化成本高于费率。',
  ],
  working_capital_loan: [
    'The business must repay whatever its trading results; guarantees may be called.',
    '无论经营状况如何企业均须还款，担保可能被要求履行。',
  ],
  invoice_factoring: [
    'With recourse: if your customer does not pay, you must repay the advance.',
    '有追索权：如买方未付款，企业须偿还预付款。',
  ],
  supply_chain_finance: [
    'Depends on the anchor buyer’s confirmation; terms end if the programme ends.',
    '依赖核心企业确认，项目终止时融资相应终止。',
  ],
  equipment_leasing: [
    'The lessor owns the equipment until the lease ends; early termination fees apply.',
    '租赁期内设备归出租人所有，提前终止需支付费用。',
  ],
  trade_finance: [
    'Documents must comply exactly; exchange-rate and counterparty risks remain with the business.',
    '单据须严格相符；汇率和交易对手风险由企业承担。',
  ],
  cash_management: [
    'Swept balances are held in the linked account; yields vary daily.',
    '归集资金存放于关联账户，收益率每日变动。',
  ],
};

const DEFAULT_ELIGIBILITY: ProductEligibility = {
  clientKinds: ['individual'],
  minAge: 18,
  maxAge: null,
  minCreditScore: null,
  maxDebtToIncome: null,
  minYearsTrading: null,
  minAnnualRevenue: null,
  excludedSectors: [],
};

export function makeProduct(
  id: string,
  family: ProductFamily,
  category: string,
  nameEn: string,
  nameZh: string,
  riskGrade: RiskGrade,
  facts: ProductFacts,
  updatedAt: string,
  kinds?: ClientKind[],
): Product {
  const disclosure = DISCLOSURES[category];
  if (!disclosure) throw new Error(`no disclosure for category ${category}`);
  const business = family === 'business_finance';
  return {
    id,
    family,
    category,
    nameEn,
    nameZh,
    riskGrade,
    rateKind: facts.rateKind,
    rateMin: facts.rateMin,
    rateMax: facts.rateMax,
    annualFeePct: facts.annualFeePct ?? 0,
    upfrontFeePct: facts.upfrontFeePct ?? 0,
    termMonths: facts.termMonths ?? null,
    lockupMonths: facts.lockupMonths ?? 0,
    liquidity: facts.liquidity,
    minimumAmount: facts.minimumAmount,
    currency: facts.currency ?? 'CNY',
    complex: facts.complex ?? false,
    insured: facts.insured ?? false,
    eligibility: {
      ...DEFAULT_ELIGIBILITY,
      clientKinds: kinds ?? (business ? ['business'] : ['individual']),
      minAge: business ? null : DEFAULT_ELIGIBILITY.minAge,
      ...facts.eligibility,
    },
    descriptionEn: facts.descriptionEn,
    descriptionZh: facts.descriptionZh,
    riskDisclosureEn: disclosure[0],
    riskDisclosureZh: disclosure[1],
    customAttributes: {},
    active: true,
    updatedAt,
  };
}
