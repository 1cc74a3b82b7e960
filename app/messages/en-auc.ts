/** English text of the interest-model candidates added for ranking quality (issue 16). */
export const enAuc = {
  'selection.about.ridge':
    'logistic regression with the same L2 on every weight (1e-3 per outcome), eight epochs: a client or product seen rarely needs more evidence to move its score',
} satisfies Record<string, string>;
export type AucMessageKey = keyof typeof enAuc;
