import type { RiskClass } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';

export interface QuestionnaireOption {
  id: string;
  label: LocalizedText;
  points: number;
}

export interface QuestionnaireQuestion {
  id: string;
  text: LocalizedText;
  options: QuestionnaireOption[];
}

export interface QuestionnaireDefinition {
  version: string;
  questions: QuestionnaireQuestion[];
  /** Lowest total score for each class above C1, ascending. */
  thresholds: { riskClass: RiskClass; minScore: number }[];
  /** Answers that cap the class whatever the total: a client who accepts no loss of capital is C1. */
  caps: { questionId: string; optionId: string; maxClass: RiskClass }[];
}

const q = (id: string, en: string, zh: string, options: [string, string, string, number][]): QuestionnaireQuestion => ({
  id,
  text: { en, zh },
  options: options.map(([oid, oen, ozh, points]) => ({ id: oid, label: { en: oen, zh: ozh }, points })),
});

/**
 * The default risk questionnaire. Institutions replace it with their own (stored per version);
 * answers are always kept with the version they were given against.
 */
export const DEFAULT_QUESTIONNAIRE: QuestionnaireDefinition = {
  version: 'default-2026.1',
  questions: [
    q('age', 'Which age band are you in?', '您的年龄段是？', [
      ['a', '70 or older', '70 岁及以上', 0],
      ['b', '60–69', '60–69 岁', 1],
      ['c', '45–59', '45–59 岁', 2],
      ['d', '30–44', '30–44 岁', 3],
      ['e', 'Under 30', '30 岁以下', 3],
    ]),
    q('horizon', 'How long can this money stay invested?', '这笔资金可以投资多长时间？', [
      ['a', 'Less than 1 year', '少于 1 年', 0],
      ['b', '1–3 years', '1–3 年', 1],
      ['c', '3–5 years', '3–5 年', 2],
      ['d', 'More than 5 years', '5 年以上', 4],
    ]),
    q('income_stability', 'How stable is your income?', '您的收入稳定性如何？', [
      ['a', 'No regular income', '无固定收入', 0],
      ['b', 'Irregular', '不稳定', 1],
      ['c', 'Stable', '稳定', 2],
      ['d', 'Stable and growing', '稳定且增长', 3],
    ]),
    q('share_of_assets', 'What share of your assets is this investment?', '本次投资占您总资产的比例是？', [
      ['a', 'More than 50%', '超过 50%', 0],
      ['b', '25–50%', '25%–50%', 1],
      ['c', '10–25%', '10%–25%', 2],
      ['d', 'Less than 10%', '少于 10%', 3],
    ]),
    q('experience', 'Which of these have you invested in before?', '您曾经投资过以下哪类产品？', [
      ['a', 'Only deposits', '仅存款', 0],
      ['b', 'Bond or money-market funds', '债券或货币基金', 1],
      ['c', 'Equities or equity funds', '股票或股票型基金', 3],
      ['d', 'Derivatives, structured or leveraged products', '衍生品、结构性或杠杆产品', 4],
    ]),
    q('loss_tolerance', 'What is the largest one-year loss you could accept?', '您能接受的最大年度亏损是？', [
      ['a', 'None: I cannot accept losing capital', '不能接受本金亏损', 0],
      ['b', 'Up to 5%', '最多 5%', 1],
      ['c', 'Up to 15%', '最多 15%', 3],
      ['d', 'Up to 30%', '最多 30%', 4],
      ['e', 'More than 30%', '30% 以上', 5],
    ]),
    q('reaction', 'Your investment falls 20% in a month. What do you do?', '如果您的投资一个月内下跌 20%，您会？', [
      ['a', 'Sell everything', '全部卖出', 0],
      ['b', 'Sell some', '卖出一部分', 1],
      ['c', 'Hold', '继续持有', 3],
      ['d', 'Buy more', '追加投资', 4],
    ]),
    q('goal', 'What matters most for this money?', '这笔资金最重要的目标是？', [
      ['a', 'Keeping the capital safe', '保障本金安全', 0],
      ['b', 'Steady income', '稳定收益', 1],
      ['c', 'Balanced growth', '稳健增值', 2],
      ['d', 'Maximum growth', '追求高增长', 4],
    ]),
  ],
  thresholds: [
    { riskClass: 'C2', minScore: 8 },
    { riskClass: 'C3', minScore: 14 },
    { riskClass: 'C4', minScore: 20 },
    { riskClass: 'C5', minScore: 26 },
  ],
  caps: [{ questionId: 'loss_tolerance', optionId: 'a', maxClass: 'C1' }],
};

export type QuestionnaireScoring =
  { ok: true; score: number; riskClass: RiskClass } | { ok: false; missing: string[]; invalid: string[] };

/** Totals the points of the chosen options and maps the total to a class. Every question must be answered. */
export function scoreQuestionnaire(
  definition: QuestionnaireDefinition,
  answers: Record<string, string>,
): QuestionnaireScoring {
  const missing: string[] = [];
  const invalid: string[] = [];
  let score = 0;
  for (const question of definition.questions) {
    const answer = answers[question.id];
    if (answer === undefined || answer === '') {
      missing.push(question.id);
      continue;
    }
    const option = question.options.find((o) => o.id === answer);
    if (!option) invalid.push(question.id);
    else score += option.points;
  }
  if (missing.length > 0 || invalid.length > 0) return { ok: false, missing, invalid };
  let riskClass: RiskClass = 'C1';
  for (const t of definition.thresholds) if (score >= t.minScore) riskClass = t.riskClass;
  for (const cap of definition.caps) {
    if (answers[cap.questionId] === cap.optionId && cap.maxClass < riskClass) riskClass = cap.maxClass;
  }
  return { ok: true, score, riskClass };
}

export function maxScore(definition: QuestionnaireDefinition): number {
  return definition.questions.reduce((sum, question) => sum + Math.max(...question.options.map((o) => o.points)), 0);
}
