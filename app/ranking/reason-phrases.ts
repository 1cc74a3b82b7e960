import { recordedText } from '../domain/localized-text';
import { categoryName, type LocalizedText, type Objective } from '../domain';
import type { ScoringContext } from '../scoring/scoring-context';

/**
 * Raw features grouped into what an advisor thinks about: every feature rawFeatures produces belongs to one
 * concept, so a score is explained as "risk fit, objective, fees" rather than as forty numbers. Custom
 * attributes and language-model signals are their own concepts, named after the attribute.
 */
const CONCEPT_OF: Record<string, string> = {
  'client.riskClass': 'risk',
  'product.riskGrade': 'risk',
  'cross.riskGap': 'risk',
  'cross.riskGapAbove': 'risk',
  'cross.classXGrade': 'risk',
  'client.objective': 'objective',
  'cross.objectiveXCategory': 'objective',
  'cross.objectiveXFamily': 'objective',
  'product.annualFeePct': 'fees',
  'product.upfrontFeePct': 'fees',
  'product.rateMid': 'rate',
  'product.rateKind': 'rate',
  'cross.rateOverDeposit': 'rate',
  'cross.rateOverInflation': 'rate',
  'client.liquidityNeed': 'liquidity',
  'product.liquidity': 'liquidity',
  'product.lockupYears': 'liquidity',
  'cross.liquidityNeedXLockup': 'liquidity',
  'cross.lockupOverHorizon': 'horizon',
  'client.horizonYears': 'horizon',
  'product.termYears': 'horizon',
  'cross.horizonMinusTerm': 'horizon',
  'client.age': 'age',
  'cross.ageXCategory': 'age',
  'cross.ageXLockup': 'age',
  'client.kind': 'kind-fit',
  'product.eligibleKinds': 'kind-fit',
  'cross.kindXFamily': 'kind-fit',
  'cross.kindEligible': 'kind-fit',
  'product.category': 'category',
  'product.family': 'category',
  'product.id': 'product',
  'client.id': 'history',
  'cross.equityTrendXRisk': 'market',
  'client.logIncome': 'wealth',
  'client.logInvestable': 'wealth',
  'client.logTotalAssets': 'wealth',
  'client.logLiabilities': 'wealth',
  'product.logMinimum': 'wealth',
  'cross.minimumOverInvestable': 'wealth',
  'client.debtToIncome': 'credit',
  'client.creditScore': 'credit',
  'client.creditRating': 'credit',
  'client.knowledge': 'experience',
  'client.experienceYears': 'experience',
  'client.complexExperience': 'experience',
  'client.professional': 'experience',
  'product.complex': 'experience',
  'client.kycAgeYears': 'kyc',
  'context.channel': 'channel',
  'client.yearsTrading': 'business',
  'client.employees': 'business',
  'client.sector': 'business',
  'client.dependents': 'household',
  'client.occupation': 'household',
  'client.sustainability': 'household',
  'product.insured': 'insured',
  'product.currency': 'currency',
};

const CUSTOM_PREFIXES = ['client.custom.', 'product.custom.', 'market.custom.', 'llm.'];

export function conceptOf(feature: string): string {
  const known = CONCEPT_OF[feature];
  if (known) return known;
  if (CUSTOM_PREFIXES.some((p) => feature.startsWith(p))) return feature;
  if (feature.startsWith('market.')) return 'market';
  return feature;
}

const OBJECTIVE_WORDS: Record<Objective, [string, string]> = {
  capital_preservation: ['capital preservation', '保本'],
  income: ['income', '收益'],
  growth: ['growth', '增长'],
  retirement: ['retirement', '退休'],
  education: ['education', '教育'],
  home_purchase: ['home purchase', '购房'],
  protection: ['protection', '保障'],
  liquidity: ['liquidity', '流动性'],
  business_expansion: ['business expansion', '业务扩张'],
  working_capital: ['working capital', '营运资金'],
};
const NEED_WORDS: Record<string, [string, string]> = {
  low: ['low', '低'],
  medium: ['moderate', '中等'],
  high: ['high', '高'],
};
const TERM_WORDS: Record<string, [string, string]> = {
  daily: ['any day', '每日'],
  weekly: ['weekly', '每周'],
  monthly: ['monthly', '每月'],
  quarterly: ['quarterly', '每季度'],
  at_maturity: ['at maturity', '到期时'],
  none: ['not at all before the end', '到期前不能'],
};
const KNOWLEDGE_WORDS: Record<string, [string, string]> = {
  none: ['none', '无'],
  basic: ['basic', '基础'],
  informed: ['informed', '一般'],
  advanced: ['advanced', '丰富'],
};

export interface ReasonFacts {
  /** The raw feature that moved the concept most, and its categorical value when it has one. */
  feature: string;
  value: string | null;
  context: ScoringContext;
}

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const num = (v: number): string => String(Number(v.toFixed(2)));
const pct = (v: number | null): string => (v === null ? '' : `${num(v)}%`);
const money = (v: number): string => Math.round(v).toLocaleString('en-US');

function rateRange(ctx: ScoringContext): string | null {
  const { rateMin, rateMax } = ctx.product;
  if (rateMin === null && rateMax === null) return null;
  if (rateMin !== null && rateMax !== null && rateMin !== rateMax) return `${num(rateMin)}–${num(rateMax)}%`;
  return pct(rateMin ?? rateMax);
}

function ageOf(ctx: ScoringContext): number | null {
  const { birthDate } = ctx.client;
  if (ctx.client.kind !== 'individual' || !birthDate) return null;
  const years = (Date.parse(ctx.at.slice(0, 10)) - Date.parse(birthDate)) / (365.25 * 24 * 3600 * 1000);
  return Number.isFinite(years) ? Math.floor(years) : null;
}

function termWords(months: number): [string, string] {
  return months % 12 === 0 && months >= 12
    ? [`${months / 12} year${months === 12 ? '' : 's'}`, `${months / 12}年`]
    : [`${months} months`, `${months}个月`];
}

/** Both sides of a concept: what it means when it pushes interest up, and when it pushes it down. */
function upDown(up: boolean, en: [string, string], zh: [string, string]): LocalizedText {
  return up ? t(en[0], zh[0]) : t(en[1], zh[1]);
}

function customText(concept: string, up: boolean, ctx: ScoringContext): LocalizedText {
  const [scope, name] = concept.startsWith('llm.')
    ? ['llm', concept.slice(4)]
    : [concept.split('.')[0]!, concept.split('.').slice(2).join('.')];
  const source =
    scope === 'client'
      ? ctx.client.customAttributes
      : scope === 'product'
        ? ctx.product.customAttributes
        : scope === 'market'
          ? (ctx.contextAttributes ?? {})
          : {};
  // Signals arrive on the context only where a language model produced them for this ranking.
  const signals = (ctx as { signals?: Readonly<Record<string, number | null>> }).signals;
  const raw = scope === 'llm' ? signals?.[name] : source[name];
  const shown = raw === undefined || raw === null ? '' : ` (${typeof raw === 'number' ? num(raw) : String(raw)})`;
  const shownZh = shown === '' ? '' : `（${shown.slice(2, -1)}）`;
  const [en, zh] = up ? ['counts for it', '对其有利'] : ['counts against it', '对其不利'];
  if (scope === 'llm')
    return t(
      `The language model's reading of the client's notes, "${name}"${shown}, ${en}`,
      `语言模型对客户备注的理解"${name}"${shownZh}${zh}`,
    );
  if (scope === 'client') return t(`The client's ${name}${shown} ${en}`, `客户的${name}${shownZh}${zh}`);
  if (scope === 'product') return t(`The product's ${name}${shown} ${en}`, `产品的${name}${shownZh}${zh}`);
  return t(`The market's ${name} at the time${shown} ${en}`, `当时的市场${name}${shownZh}${zh}`);
}

/** The words for one concept in one direction, with the figures an advisor can check against the client and product. */
export function reasonText(concept: string, up: boolean, facts: ReasonFacts): LocalizedText {
  const { context: ctx, feature, value } = facts;
  const { client, product, market } = ctx;
  const grade = product.riskGrade;
  const cls = client.riskClass;
  switch (concept) {
    case 'risk': {
      if (!cls)
        return upDown(
          up,
          [`Risk grade ${grade} counts for it`, `Risk grade ${grade} counts against it`],
          [`风险等级${grade}对其有利`, `风险等级${grade}对其不利`],
        );
      if (up) return t(`Risk ${grade} sits well with this ${cls} client`, `风险等级${grade}与该${cls}客户相符`);
      return Number(grade.slice(1)) > Number(cls.slice(1))
        ? t(`Product risk ${grade} is above what this client usually takes`, `产品风险${grade}高于该客户通常接受的水平`)
        : t(
            `Product risk ${grade} is lower than this ${cls} client usually looks for`,
            `产品风险${grade}低于该${cls}客户通常寻求的水平`,
          );
    }
    case 'objective': {
      const fromValue = value?.split('|')[0];
      const objective = (fromValue && fromValue in OBJECTIVE_WORDS ? fromValue : client.objectives[0]) as
        Objective | undefined;
      if (!objective)
        return upDown(
          up,
          ['Fits what the client wants to achieve', 'The client has recorded no objective this serves'],
          ['符合客户的投资目标', '客户记录的目标中没有与之相关的'],
        );
      const [en, zh] = OBJECTIVE_WORDS[objective];
      return upDown(
        up,
        [`Matches the client's ${en} objective`, `Does little for the client's ${en} objective`],
        [`符合客户的${zh}目标`, `对客户的${zh}目标帮助不大`],
      );
    }
    case 'fees': {
      if (feature === 'product.upfrontFeePct') {
        const u = pct(product.upfrontFeePct);
        return upDown(
          up,
          [`Upfront fee of ${u} is low`, `Upfront fee of ${u} counts against it`],
          [`${u}的认购费较低`, `${u}的认购费对其不利`],
        );
      }
      const a = pct(product.annualFeePct);
      return upDown(
        up,
        [`Low fee of ${a} a year counts for it`, `Fee of ${a} a year counts against it`],
        [`每年${a}的低费用对其有利`, `每年${a}的费用对其不利`],
      );
    }
    case 'rate': {
      const range = rateRange(ctx);
      if (!range)
        return upDown(
          up,
          ['Its pricing counts for it', 'Its pricing counts against it'],
          ['其定价对其有利', '其定价对其不利'],
        );
      if (product.rateKind === 'borrowing_rate')
        return upDown(
          up,
          [`Borrowing rate of ${range} is attractive`, `Borrowing rate of ${range} counts against it`],
          [`${range}的借款利率有吸引力`, `${range}的借款利率对其不利`],
        );
      if ((product.rateKind === 'expected_return' || product.rateKind === 'fixed_rate') && market) {
        const dep = pct(market.depositRate1y);
        const mid =
          product.rateMin !== null && product.rateMax !== null
            ? (product.rateMin + product.rateMax) / 2
            : (product.rateMin ?? product.rateMax)!;
        if (!up && mid < market.depositRate1y)
          return t(
            `Return of ${range} is below the ${dep} one-year deposit rate`,
            `${range}的收益低于${dep}的一年期存款利率`,
          );
        return upDown(
          up,
          [
            `Return of ${range} beats the ${dep} one-year deposit rate`,
            `Return of ${range} is little above the ${dep} deposit rate`,
          ],
          [`${range}的收益高于${dep}的一年期存款利率`, `${range}的收益与${dep}的存款利率相差不大`],
        );
      }
      return upDown(
        up,
        [`Its rate of ${range} counts for it`, `Its rate of ${range} counts against it`],
        [`${range}的费率对其有利`, `${range}的费率对其不利`],
      );
    }
    case 'liquidity': {
      const [needEn, needZh] = NEED_WORDS[client.liquidityNeed] ?? [client.liquidityNeed, client.liquidityNeed];
      const [termEn, termZh] = TERM_WORDS[product.liquidity] ?? [product.liquidity, product.liquidity];
      if (up) {
        return product.lockupMonths === 0
          ? t(`Money can be taken out ${termEn}, which suits the client`, `资金可${termZh}赎回，符合客户需要`)
          : t(
              `A ${product.lockupMonths}-month lock-up suits the client's ${needEn} need for cash`,
              `${product.lockupMonths}个月的锁定期符合客户${needZh}的流动性需求`,
            );
      }
      return product.lockupMonths > 0
        ? t(
            `Locks money up for ${product.lockupMonths} months while the client's need for cash is ${needEn}`,
            `资金锁定${product.lockupMonths}个月，而客户的流动性需求为${needZh}`,
          )
        : t(
            `Redemption ${termEn} does not suit the client's ${needEn} need for cash`,
            `${termZh}赎回与客户${needZh}的流动性需求不符`,
          );
    }
    case 'horizon': {
      const h = num(client.horizonYears);
      if (product.termMonths === null || product.termMonths === 0)
        return upDown(
          up,
          [`The client's ${h}-year horizon counts for it`, `The client's ${h}-year horizon counts against it`],
          [`客户${h}年的投资期限对其有利`, `客户${h}年的投资期限对其不利`],
        );
      const [en, zh] = termWords(product.termMonths);
      return upDown(
        up,
        [
          `Its term of ${en} fits the client's ${h}-year horizon`,
          `Its term of ${en} does not fit the client's ${h}-year horizon`,
        ],
        [`${zh}的期限与客户${h}年的投资期限相符`, `${zh}的期限与客户${h}年的投资期限不符`],
      );
    }
    case 'age': {
      const age = ageOf(ctx);
      if (age === null)
        return upDown(
          up,
          ["The client's stage of life counts for it", "The client's stage of life counts against it"],
          ['客户所处的人生阶段对其有利', '客户所处的人生阶段对其不利'],
        );
      return upDown(
        up,
        [`Suits a client aged ${age}`, `Less usual for a client aged ${age}`],
        [`适合${age}岁的客户`, `对${age}岁的客户而言不太常见`],
      );
    }
    case 'kind-fit': {
      const businessProduct = product.family === 'business_finance';
      if (client.kind === 'business')
        return businessProduct || up
          ? t('A business product for a business client', '为企业客户设计的企业产品')
          : t('A personal product offered to a business', '面向个人的产品，而客户是企业');
      return businessProduct && !up
        ? t('Designed for businesses, not individuals', '为企业而非个人设计')
        : upDown(
            up,
            ['Made for individual clients like this one', 'Less usual for an individual client'],
            ['适合此类个人客户', '对个人客户而言不太常见'],
          );
    }
    case 'category': {
      const cat = recordedText(categoryName(product.category));
      return upDown(
        up,
        [
          `Clients like this often take up ${cat.en.toLowerCase()} products`,
          `Clients like this seldom take up ${cat.en.toLowerCase()} products`,
        ],
        [`类似客户常选择${cat.zh}类产品`, `类似客户很少选择${cat.zh}类产品`],
      );
    }
    case 'product':
      return upDown(
        up,
        ['Often taken up when offered', 'Seldom taken up when offered'],
        ['推荐时常被接受', '推荐时很少被接受'],
      );
    case 'history':
      return upDown(
        up,
        ['This client has often said yes to offers', 'This client has turned down most offers'],
        ['该客户过去常接受推荐', '该客户过去多次拒绝推荐'],
      );
    case 'market': {
      if (!market)
        return upDown(
          up,
          ['Market conditions count for it', 'Market conditions count against it'],
          ['市场环境对其有利', '市场环境对其不利'],
        );
      // Name the market fact that moved the score most, so the figure quoted is the one that mattered.
      if (feature === 'market.equityTrend3m' || feature === 'cross.equityTrendXRisk') {
        const trend = `${market.equityTrend3m >= 0 ? '+' : ''}${num(market.equityTrend3m)}%`;
        return upDown(
          up,
          [
            `Current markets favour it (equities ${trend} over 3 months)`,
            `Current markets weigh on it (equities ${trend} over 3 months)`,
          ],
          [`当前市场环境有利（股市三个月${trend}）`, `当前市场环境不利（股市三个月${trend}）`],
        );
      }
      if (feature === 'market.policyRate' || feature === 'market.depositRate1y' || feature === 'market.bondYield10y') {
        const rates = `policy rate ${pct(market.policyRate)}, 10-year bond ${pct(market.bondYield10y)}`;
        const ratesZh = `政策利率${pct(market.policyRate)}，十年期国债${pct(market.bondYield10y)}`;
        return upDown(
          up,
          [`Today's interest rates favour it (${rates})`, `Today's interest rates weigh on it (${rates})`],
          [`当前利率环境有利（${ratesZh}）`, `当前利率环境不利（${ratesZh}）`],
        );
      }
      if (feature === 'market.inflation') {
        return upDown(
          up,
          [
            `Inflation at ${pct(market.inflation)} counts for it`,
            `Inflation at ${pct(market.inflation)} counts against it`,
          ],
          [`${pct(market.inflation)}的通胀水平对其有利`, `${pct(market.inflation)}的通胀水平对其不利`],
        );
      }
      return upDown(
        up,
        ['Current market conditions count for it', 'Current market conditions count against it'],
        ['当前市场环境对其有利', '当前市场环境对其不利'],
      );
    }
    case 'wealth': {
      if (feature === 'cross.minimumOverInvestable' || feature === 'product.logMinimum') {
        const min = money(product.minimumAmount);
        return upDown(
          up,
          [
            `The minimum of ${min} is well within the client's means`,
            `The minimum of ${min} is large next to the client's investable assets`,
          ],
          [`${min}的起投金额在客户承受范围内`, `相对客户的可投资资产，${min}的起投金额较高`],
        );
      }
      return upDown(
        up,
        ["The client's income and assets count for it", "The client's income and assets count against it"],
        ['客户的收入与资产状况对其有利', '客户的收入与资产状况对其不利'],
      );
    }
    case 'credit':
      return upDown(
        up,
        ["The client's credit standing counts for it", "The client's debts and credit standing count against it"],
        ['客户的信用状况对其有利', '客户的负债与信用状况对其不利'],
      );
    case 'experience': {
      const [en, zh] = KNOWLEDGE_WORDS[client.knowledgeLevel] ?? [client.knowledgeLevel, client.knowledgeLevel];
      if (!up && product.complex)
        return t(
          `A complex product for a client with ${en} investment knowledge`,
          `对投资知识${zh}的客户而言，这是一款复杂产品`,
        );
      return upDown(
        up,
        [`The client's investment knowledge (${en}) suits it`, `The client's investment experience counts against it`],
        [`客户的投资知识（${zh}）与其相符`, '客户的投资经验对其不利'],
      );
    }
    case 'kyc':
      return upDown(
        up,
        ["The client's profile was reviewed recently", "The client's profile has not been reviewed for a while"],
        ['客户资料近期已复核', '客户资料已有一段时间未复核'],
      );
    case 'channel':
      return upDown(
        up,
        ['How it is usually presented counts for it', 'How it is usually presented counts against it'],
        ['通常的推荐方式对其有利', '通常的推荐方式对其不利'],
      );
    case 'business':
      return upDown(
        up,
        [
          "The business's sector and track record count for it",
          "The business's sector and track record count against it",
        ],
        ['企业的行业与经营年限对其有利', '企业的行业与经营年限对其不利'],
      );
    case 'household':
      return upDown(
        up,
        [
          "The client's household and occupation count for it",
          "The client's household and occupation count against it",
        ],
        ['客户的家庭与职业情况对其有利', '客户的家庭与职业情况对其不利'],
      );
    case 'insured':
      return product.insured
        ? upDown(
            up,
            ['Deposit insurance counts for it', 'Deposit insurance adds little for this client'],
            ['存款保险保障对其有利', '存款保险保障对该客户意义不大'],
          )
        : upDown(
            up,
            [
              'Clients like this do not mind that it is uninsured',
              'Not covered by deposit insurance, which counts against it',
            ],
            ['类似客户并不介意其不受存款保险保障', '不受存款保险保障，对其不利'],
          );
    case 'currency':
      return upDown(
        up,
        [`Its currency (${product.currency}) counts for it`, `Its currency (${product.currency}) counts against it`],
        [`其币种（${product.currency}）对其有利`, `其币种（${product.currency}）对其不利`],
      );
    default:
      if (CUSTOM_PREFIXES.some((p) => concept.startsWith(p))) return customText(concept, up, ctx);
      return upDown(
        up,
        [`${concept} counts for it`, `${concept} counts against it`],
        [`${concept}对其有利`, `${concept}对其不利`],
      );
  }
}
