/**
 * The vocabulary of a generated test model: a SentencePiece-style ("llama") token list that tokenizes
 * English and Chinese text into real pieces, not only bytes, so prompt budgets and token counts in tests look like
 * a trained model's. The llama.cpp SPM tokenizer reaches a piece only by merging two pieces already in the list,
 * so every piece's prefixes are added too; longer pieces score higher so they win the merges.
 */

export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface TestVocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
  unknownId: number;
  bosId: number;
  eosId: number;
  imStartId: number;
  imEndId: number;
}

const SPACE = '\u2581';

const ENGLISH_WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will can more my about up out them some ' +
  'what into than other could then its only time these two may first new over also after any most very our just ' +
  'your how well should because each such where much like make between those many before must through back years ' +
  'good same want need own here still while know take used both under risk fund bond bonds deposit rate rates return ' +
  'returns client clients product products account savings pension income growth equity market markets interest ' +
  'insurance policy term year month money invest investment investments portfolio capital guaranteed loss value ' +
  'annual fixed advisor advice plan plans goal goals family children retirement property home loan tax cost costs ' +
  'fee fees yes hello please thank thanks draft pitch headline body key points next step steps risks summary short ' +
  'long low high medium moderate conservative balanced aggressive suitable offer offers may might mr ms dear regards'
).split(/\s+/);

const CHINESE_WORDS = (
  '你 好 我 们 的 是 在 不 了 有 人 这 中 大 为 上 个 国 和 地 到 以 说 时 要 就 出 会 可 也 你们 您 年 月 日 ' +
  '风险 基金 债券 存款 利率 收益 客户 产品 账户 储蓄 养老 收入 增长 股票 市场 利息 保险 投资 组合 资本 保本 损失 ' +
  '价值 固定 顾问 建议 计划 目标 家庭 子女 退休 房产 贷款 税 费用 是否 谢谢 请 标题 正文 要点 下一步 稳健 保守 平衡 ' +
  '进取 适合 提供 本金 期限 理财 回报 波动 流动性 安全 声明 过往 业绩 不代表 未来 表现'
).split(/\s+/);

const PUNCTUATION = Array.from('.,;:!?\'"()[]{}-_/\\%$&*+=<>@#0123456789，。；：！？（）《》、%');
const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** Builds the vocabulary, filled up to exactly `size` with two- and three-letter pieces. */
export function buildTestVocabulary(size: number): TestVocabulary {
  const tokens: string[] = [];
  const types: number[] = [];
  const seen = new Set<string>();
  const add = (piece: string, type: number): void => {
    if (seen.has(piece) || tokens.length >= size) return;
    seen.add(piece);
    tokens.push(piece);
    types.push(type);
  };
  add('<unk>', TOKEN_TYPE.unknown);
  add('<s>', TOKEN_TYPE.control);
  add('</s>', TOKEN_TYPE.control);
  for (let byte = 0; byte < 256; byte++)
    add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_TYPE.byte);
  add('<|im_start|>', TOKEN_TYPE.control);
  add('<|im_end|>', TOKEN_TYPE.control);
  if (tokens.length + 200 > size)
    throw new Error(`A test vocabulary needs at least ${tokens.length + 200} tokens, got ${size}.`);

  const addWithPrefixes = (piece: string): void => {
    const chars = Array.from(piece);
    for (let end = 1; end <= chars.length; end++) add(chars.slice(0, end).join(''), TOKEN_TYPE.normal);
  };
  addWithPrefixes(SPACE);
  addWithPrefixes('\n');
  for (const ch of [...LETTERS, ...PUNCTUATION]) {
    addWithPrefixes(ch);
    addWithPrefixes(SPACE + ch);
  }
  for (const word of CHINESE_WORDS) for (const ch of Array.from(word)) addWithPrefixes(ch);
  for (const word of ENGLISH_WORDS) addWithPrefixes(SPACE + word);
  for (const word of CHINESE_WORDS) {
    addWithPrefixes(word);
    addWithPrefixes(SPACE + word);
  }
  for (const word of ENGLISH_WORDS) addWithPrefixes(word);
  // Filler in a fixed order, so the same size always gives the same list.
  const lower = LETTERS.slice(0, 26);
  outer: for (const length of [2, 3]) {
    const combos =
      length === 2
        ? lower.flatMap((a) => lower.map((b) => a + b))
        : lower.flatMap((a) => lower.flatMap((b) => lower.map((c) => a + b + c)));
    for (const combo of combos) {
      if (tokens.length >= size) break outer;
      addWithPrefixes(SPACE + combo);
      addWithPrefixes(combo);
    }
  }
  if (tokens.length !== size)
    throw new Error(`Could not fill a test vocabulary of ${size} tokens (got ${tokens.length}).`);

  const scores = tokens.map((piece, id) =>
    types[id] === TOKEN_TYPE.normal ? Array.from(piece).length - id / size : 0,
  );
  const idOf = (piece: string): number => tokens.indexOf(piece);
  return {
    tokens,
    scores,
    types,
    unknownId: 0,
    bosId: 1,
    eosId: 2,
    imStartId: idOf('<|im_start|>'),
    imEndId: idOf('<|im_end|>'),
  };
}
