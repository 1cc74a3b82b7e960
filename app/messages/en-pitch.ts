/** English text that pitches carry: terms, the banded client facts the prompt sees, risk disclosures and grades. */
export const enPitch = {
  'pitch.term.years': '{n, plural, one {{n} year} other {{n} years}}',
  'pitch.term.months': '{n, plural, one {{n} month} other {{n} months}}',

  'pitch.amountBand.under100k': 'under 100,000',
  'pitch.amountBand.to500k': '100,000 to 500,000',
  'pitch.amountBand.to1m': '500,000 to 1 million',
  'pitch.amountBand.to5m': '1 million to 5 million',
  'pitch.amountBand.to20m': '5 million to 20 million',
  'pitch.amountBand.over20m': 'over 20 million',
  'pitch.ageBand.under25': 'under 25',
  'pitch.ageBand.over75': '75 or over',
  'pitch.ageBand.range': '{low} to {high}',
  'pitch.yearsBand.under2': 'under 2 years',
  'pitch.yearsBand.to5': '2 to 5 years',
  'pitch.yearsBand.to10': '5 to 10 years',
  'pitch.yearsBand.over10': '10 years or more',

  'disclosure.family.deposit': 'Deposits are protected by deposit insurance only up to its limit; rates may change.',
  'disclosure.family.fund': 'The value of the fund can go down as well as up; capital is at risk.',
  'disclosure.family.security': 'Prices can fall and you may get back less than you invested.',
  'disclosure.family.insurance':
    'Cover applies only under the policy terms; surrendering early may return less than the premiums paid.',
  'disclosure.family.consumer_credit': 'Borrow only what you can repay; missed payments harm your credit record.',
  'disclosure.family.business_finance':
    'The business must repay whatever its trading results; fees and interest apply.',
  'disclosure.grade.R1': 'low',
  'disclosure.grade.R2': 'medium-low',
  'disclosure.grade.R3': 'medium',
  'disclosure.grade.R4': 'medium-high',
  'disclosure.grade.R5': 'high',
  'disclosure.gradeStatement': 'Risk grade {grade} ({words} risk, on a scale from R1 to R5).',
} satisfies Record<string, string>;

export type PitchMessageKey = keyof typeof enPitch;
