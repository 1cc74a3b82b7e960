import type { LocalizedText } from '../domain/localized-text';
import { t } from './pitch-types';

/**
 * Claims a pitch must never make (docs/domain.md, "Pitch text rules"), in English and Chinese. Each family
 * lists many phrasings; English patterns are whole-word, and a negation just before the phrase ("not
 * guaranteed", "不保本", "并非无风险") turns a claim into a disclosure, so it is not flagged.
 */
export const CLAIM_FAMILIES = [
  'guaranteed-return',
  'capital-guarantee',
  'risk-free',
  'no-loss',
  'superlative',
  'future-performance',
  'pressure',
] as const;
export type ClaimFamily = (typeof CLAIM_FAMILIES)[number];

export interface ClaimMatch {
  family: ClaimFamily;
  start: number;
  end: number;
  text: string;
}

/** English negations that may stand up to two words before a phrase. */
const EN_NOT = String.raw`(?<!\b(?:not|no|never|nor|isn't|aren't|wasn't|cannot|can't|without|neither)\s+(?:\S+\s+){0,2})`;
/** Chinese negations right before a phrase (up to two characters between). */
const ZH_NOT = '(?<!(?:不|非|无法|不能|并非|并不|不会|未|没有|不是|不得|不可|禁止|切勿|严禁)[^，。；！？,.;]{0,2})';

const en = (body: string) => new RegExp(`${EN_NOT}\\b(?:${body})\\b`, 'giu');
const zh = (body: string) => new RegExp(`${ZH_NOT}(?:${body})`, 'gu');

const PATTERNS: Record<ClaimFamily, RegExp[]> = {
  'guaranteed-return': [
    en(
      String.raw`guarantee[sd]?\s+(?:(?:you|a|an|the|your|of|to\s+\w+)\s+){0,3}(?:returns?|income|yields?|profits?|gains?|interest|payouts?|growth|performance|earnings)`,
    ),
    en(
      String.raw`guaranteed(?:\s+\w+){0,2}\s+(?:returns?|income|yields?|profits?|gains?|payouts?|growth|performance|earnings)`,
    ),
    en(
      String.raw`(?:returns?|income|yields?|profits?|gains?|performance|earnings)\s+(?:is|are)\s+(?:fully\s+|100%\s+)?(?:guaranteed|assured|certain|locked\s+in)`,
    ),
    en(
      String.raw`(?:assured|promised|certain|sure)\s+(?:returns?|income|profits?|gains?)|(?:we|i)\s+promise|promised?\s+(?:you\s+)?(?:a\s+)?(?:returns?|profits?|gains?)`,
    ),
    en(String.raw`guaranteed`),
  ],
  'capital-guarantee': [
    en(
      String.raw`(?:principal|capital|your\s+(?:money|savings|investment))\s+(?:is\s+|are\s+|stays?\s+|remains?\s+)?(?:fully\s+|100%\s+|completely\s+|always\s+)?(?:protected|guaranteed|safe|secure|preserved)`,
    ),
    en(String.raw`(?:capital|principal)[\s-](?:protected|guaranteed|guarantee|protection)`),
  ],
  'risk-free': [
    en(
      String.raw`risk[\s-]?free|riskless|zero[\s-]risk|free\s+(?:of|from)\s+risk|no\s+risk|without\s+(?:any\s+)?risks?|carr(?:y|ies)\s+no\s+risk|(?:completely|totally|absolutely|100%)\s+safe|safe\s+bet|safe\s+as\s+houses|(?:a|the)\s+safe\s+(?:investment|choice|place\s+for\s+your\s+money)|no\s+downside|high\s+returns?\s+(?:with|and|at)\s+(?:low|no|little)\s+risk|nothing\s+to\s+worry\s+about`,
    ),
    zh(
      '高收益低风险|低风险高收益|无风险|零风险|没有(?:任何)?风险|毫无风险|绝对安全|万无一失|百分之百安全|100%安全|稳妥无忧|高枕无忧',
    ),
  ],
  'no-loss': [
    en(
      String.raw`(?:can(?:no|')t|cannot|could\s+not|couldn't|won't|will\s+not|never)\s+(?:possibly\s+)?(?:lose|go\s+down|fall|drop|lose\s+money|go\s+wrong)|no\s+(?:chance|possibility|way)\s+(?:of|to)\s+los(?:e|ing)|no\s+loss(?:es)?|los(?:e|ing)\s+nothing|zero\s+loss(?:es)?|(?:only|always)\s+(?:goes?|go)\s+up|sure[\s-](?:fire|thing)|can't\s+miss|can\s+only\s+win|free\s+money`,
    ),
    zh('稳赚不赔|稳赚|只赚不赔|包赚|稳赢|不会亏(?:损|本|钱)?|绝不亏|零亏损|不亏本|不赔本|只涨不跌|稳涨|保证不亏'),
  ],
  superlative: [
    en(
      String.raw`(?:the\s+)?best\s+(?:products?|investments?|choices?|options?|funds?|deals?|returns?|rates?|in\s+the\s+market|on\s+the\s+market)|the\s+best|number\s+one|no\.\s?1|unbeatable|unmatched|top[\s-]performing|market[\s-]leading|highest\s+(?:returns?|yields?|interest)|(?:the\s+)?safest|perfect\s+(?:product|investment|choice)|can't\s+beat|nothing\s+(?:beats|better)`,
    ),
    /#1\b/gu,
    zh(
      '最好的?|最佳|最优|最棒|最赚钱|最安全|收益最高|最高收益|排名第一|第一名|业内第一|全国第一|顶级|首屈一指|无与伦比|绝无仅有',
    ),
  ],
  'future-performance': [
    en(
      String.raw`will\s+(?:definitely\s+|certainly\s+|surely\s+)?(?:earn|return|yield|make\s+(?:you\s+)?(?:money|a\s+profit)|grow|rise|increase|double|triple|deliver|outperform|beat\s+(?:the\s+)?(?:market|inflation)|gain|appreciate|go\s+up|pay\s+off)|(?:is|are)\s+(?:going|bound|sure|certain|set)\s+to\s+(?:rise|grow|increase|double|go\s+up|outperform|gain)|(?:prices?|markets?|returns?|values?)\s+will\s+(?:rise|grow|increase|go\s+up|recover)|(?:definitely|certainly)\s+(?:rise|grow|earn|make)|(?:double|triple)\s+your\s+(?:money|investment|savings)`,
    ),
    zh(
      '一定会?(?:涨|上涨|赚|盈利|升值|增值)|必(?:涨|赚|然上涨|定上涨|将上涨)|肯定(?:会)?(?:涨|赚|盈利|升值)|将会?(?:大幅)?上涨|保证(?:上涨|升值|增值|盈利)|翻倍|翻番|未来收益(?:一定|必然|肯定)|稳定增值',
    ),
  ],
  pressure: [
    en(
      String.raw`act\s+(?:now|today|fast|quickly)|buy\s+(?:now|today)|sign\s+(?:up\s+)?(?:now|today)|today\s+only|limited[\s-]time|only\s+\w+\s+(?:left|remaining)|(?:don't|do\s+not)\s+miss\s+(?:out|this)|miss\s+out|hurry|last\s+chance|before\s+it'?s\s+too\s+late|once[\s-]in[\s-]a[\s-]lifetime|offer\s+ends|while\s+(?:stocks?|supplies|it)\s+lasts?|(?:you\s+)?(?:must|need\s+to|have\s+to|should)\s+(?:act|decide|buy|invest|sign)\s+(?:now|today|immediately|quickly)|don't\s+wait|(?:time|spaces?|places?)\s+(?:is|are)\s+running\s+out|first\s+come,?\s+first\s+served`,
    ),
    zh(
      '立即(?:购买|下单|认购|签约|办理|行动)|马上(?:购买|下单|认购|签约|办理|行动)|赶紧|赶快|抓紧(?:时间|购买|认购)?|机不可失|失不再来|(?:不要|别|莫|切莫)错过|错过(?:就|这次|本次|再无)|限时|最后(?:机会|一天|几天)|仅剩|名额有限|先到先得|抢购|售完即止|今天就(?:买|办|签)|现在不买',
    ),
  ],
};

/** Chinese phrases that stand for a guarantee; kept apart because 投保本产品 ("insure with this product") contains 保本. */
const ZH_GUARANTEE: RegExp[] = [
  zh(
    '保收益|保证收益|收益保证|承诺收益|保底收益|收益有保障|收益无忧|刚性兑付|刚兑|稳定回报有保障|保证(?:回报|利息|分红)|固定回报',
  ),
];
const ZH_CAPITAL: RegExp[] = [
  zh('(?<![投参续退承])保本|保证本金|确保本金|本金(?:安全|无忧|有保障|不受损|零损失)|保本保息|零风险保本'),
];
PATTERNS['guaranteed-return'].push(...ZH_GUARANTEE);
PATTERNS['capital-guarantee'].push(...ZH_CAPITAL);

export const CLAIM_MESSAGES: Record<ClaimFamily, LocalizedText> = {
  'guaranteed-return': t(
    'Promises or guarantees a return. Quote the range from the product record and say it is not guaranteed.',
    '承诺或保证收益。请引用产品记录中的区间，并说明不构成保证。',
  ),
  'capital-guarantee': t(
    'Claims the capital is guaranteed or protected. Only an insured deposit may say so, and only up to the deposit insurance limit.',
    '声称保本或本金受保障。只有受存款保险保障的存款可以这样表述，且以保险限额为限。',
  ),
  'risk-free': t(
    'Calls the product risk-free or completely safe. Every product carries risk; state it with the disclosure.',
    '称产品无风险或绝对安全。任何产品都有风险，请结合风险揭示说明。',
  ),
  'no-loss': t(
    'Says the client cannot lose. Say what can be lost, as the disclosure does.',
    '声称客户不会亏损。请如风险揭示一样说明可能的损失。',
  ),
  superlative: t(
    'Calls the product the best or unbeatable. Describe what it does instead of ranking it.',
    '称产品最好或无可比拟。请描述产品本身，不作排名式宣传。',
  ),
  'future-performance': t(
    'Predicts future performance as certain. Past or expected figures are not promises.',
    '把未来表现说成确定。过往或预期数据并非承诺。',
  ),
  pressure: t(
    'Puts the client under time pressure. The client decides in their own time.',
    '对客户施加时间压力。应由客户自主从容决定。',
  ),
};

/** Every forbidden phrase in `text`, longest first where two overlap. */
export function findClaims(text: string): ClaimMatch[] {
  const found: ClaimMatch[] = [];
  for (const family of CLAIM_FAMILIES) {
    for (const pattern of PATTERNS[family]) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        if (m[0].trim() === '') continue;
        found.push({ family, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: ClaimMatch[] = [];
  for (const match of found) {
    if (out.some((o) => match.start < o.end && o.start < match.end)) continue;
    out.push(match);
  }
  return out;
}
