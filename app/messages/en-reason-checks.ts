/**
 * English words for reasons whose premise had to be checked against the figures first (a minimum is "large" only
 * past a stated share of the client's assets), for the language model's signals by name, and for the ranking's
 * credit filter (credit products held back when the profile shows no borrowing need).
 */
export const enReasonChecks = {
  'reasonCheck.minimum.large': "The minimum of {minimum} is {share} of the client's investable assets ({assets})",
  'reasonCheck.minimum.small': "The minimum of {minimum} is well within the client's investable assets ({assets})",
  'reasonCheck.reserve.short':
    "The minimum investment {minimum} is more than the investable assets {assets}, so nothing is left for the reserve of {months, plural, one {{months} month's} other {{months} months'}} expenses ({reserve})",
  'reasonCheck.lockupAge.open':
    'Client is {age}; the commitment is open-ended, so it would run past the age limit of {limit}',
  'reasonCheck.concentration.holding':
    'Holding {held} makes this product {productShare} of {base} (limit {productLimit}); the {category} category is {categoryShare} (limit {categoryLimit})',
  'reasonCheck.kind.up': 'The kind of client counts for it',
  'reasonCheck.kind.down': 'The kind of client counts against it',
  'reasonCheck.fees.up': 'Its fees count for it',
  'reasonCheck.fees.down': 'Its fees count against it',
  'reasonCheck.liquidity.up': 'How soon money can be taken out counts for it',
  'reasonCheck.liquidity.down': 'How soon money can be taken out counts against it',
  'reasonCheck.horizon.up': "The client's investment horizon counts for it",
  'reasonCheck.horizon.down': "The client's investment horizon counts against it",
  'reasonCheck.experience.complexNoKnowledge': 'A complex product for a client with no investment knowledge recorded',
  'reasonCheck.experience.up': "The client's investment experience counts for it",
  'reasonCheck.signal.similarity': 'similarity of the notes to the product',
  'reasonCheck.signal.fit': 'fit with the stated needs',
  'reasonCheck.credit.hidden':
    '{n, plural, one {# credit product} other {# credit products}} hidden: no borrowing need in the profile',
  'reasonCheck.credit.included': "Credit products included at the advisor's request",
  'reasonCheck.credit.switch': 'Include credit products',
} satisfies Record<string, string>;

export type ReasonCheckMessageKey = keyof typeof enReasonChecks;
