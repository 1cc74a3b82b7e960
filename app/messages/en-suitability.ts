/** English text of the suitability rules' reasons and of the client-requested deviation. */
export const enSuitability = {
  'suit.months': '{n, plural, one {{n} month} other {{n} months}}',
  'suit.indefinitely': 'an indefinite period',
  'suit.none': 'none',
  'suit.notRecorded': 'not recorded',
  'suit.zero': '0',
  'suit.anyAge': 'any',

  'suit.kyc.never': 'KYC has never been reviewed{missing}; no product can be recommended until it is',
  'suit.kyc.missing': '; missing {fields}',
  'suit.kyc.future': 'KYC review date {reviewed} is after today {today}; the record must be corrected',
  'suit.kyc.reviewed':
    'KYC reviewed {reviewed}, {age, plural, one {{age} month} other {{age} months}} ago (limit {limit, plural, one {{limit} month} other {{limit} months}}){missing}{verdict}',
  'suit.kyc.blocked': '; no product can be recommended until KYC is refreshed',

  'suit.kind.individual': 'individual',
  'suit.kind.business': 'business',
  'suit.thisKind.individual': 'an individual',
  'suit.thisKind.business': 'a business',
  'suit.clientKind': 'Product is for {kinds} clients; this client is {kind}',

  'suit.ageRange': '{min}–{max}',
  'suit.age.noBirthDate': "Product is for ages {range}; the client's date of birth is not recorded",
  'suit.age.check': 'Client is {age}; the product is for ages {range}',
  'suit.lockupAge.noBirthDate': "Long commitment ({months}); the client's date of birth is not recorded",
  'suit.lockupAge.check': 'Client is {age}; after the {commitment} commitment they would be {atEnd} (limit {limit})',
  'suit.commitment.months': '{n}-month',
  'suit.commitment.open': 'open-ended',

  'suit.dti.noIncome': 'Annual income is {income}, so debt-to-income cannot be within {limit}',
  'suit.dti.check': 'Debt payments {current} a month{added} are {ratio} of income {income} a year (limit {limit})',
  'suit.dti.added': ' plus {repayment} for the minimum loan of {minimum}',
  'suit.creditScore.missing': 'Credit score is not recorded; the product needs {min}',
  'suit.creditScore.check': 'Credit score {score} (needs {min} or more)',
  'suit.trading.missing':
    'Founding date is not recorded; the product needs {min, plural, one {{min} year} other {{min} years}} of trading',
  'suit.trading.check':
    'Trading for {years, plural, one {{years} year} other {{years} years}} since {founded} (needs {min})',
  'suit.revenue.missing': 'Annual revenue is not recorded; the product needs {minRevenue}',
  'suit.revenue.check': 'Annual revenue {revenue} (needs {minRevenue})',
  'suit.rating.missing': 'Credit rating is not recorded; business credit needs {min} or better',
  'suit.rating.check': 'Credit rating {rating} (needs {min} or better)',
  'suit.sector.missing': 'Sector is not recorded, so sector exclusions cannot be checked',
  'suit.sector.excluded': 'Sector "{sector}" is excluded (excluded: {excluded})',
  'suit.sector.allowed': 'Sector "{sector}" is not excluded (excluded: {excluded})',

  'suit.knowledge.none': 'none',
  'suit.knowledge.basic': 'basic',
  'suit.knowledge.informed': 'informed',
  'suit.knowledge.advanced': 'advanced',
  'suit.need.low': 'low',
  'suit.need.medium': 'medium',
  'suit.need.high': 'high',
  'suit.redemption.daily': 'daily redemption',
  'suit.redemption.weekly': 'weekly redemption',
  'suit.redemption.monthly': 'monthly redemption',
  'suit.redemption.quarterly': 'quarterly redemption',
  'suit.redemption.at_maturity': 'redemption at maturity',
  'suit.redemption.none': 'no redemption',
  'suit.complex.waived': 'Complex product: the knowledge test is waived for a professional investor',
  'suit.complex.check':
    'Complex product: knowledge "{knowledge}" (needs "{minKnowledge}" or more), {years, plural, one {{years} year} other {{years} years}} of experience (needs {minYears} or prior complex products), {held}',
  'suit.complex.held': 'has held complex products before',
  'suit.complex.notHeld': 'has not held complex products before',
  'suit.horizon':
    "Money is committed for {committed}; the client's horizon is {years, plural, one {{years} year} other {{years} years}} ({months, plural, one {{months} month} other {{months} months}}){shorter}",
  'suit.horizon.shorter': ', which is shorter',
  'suit.liquidity.noLimit':
    'Money back after {committed} ({redemption}); no limit for a client with {need} liquidity needs',
  'suit.liquidity.check':
    'Money back after {committed} ({redemption}); a client with {need} liquidity needs accepts at most {limit, plural, one {{limit} month} other {{limit} months}}',
  'suit.reserve.exempt': 'Instant-access {grade} product: it can hold the emergency reserve rather than spend it',
  'suit.reserve.noExpenses':
    "Monthly expenses are not recorded, so the emergency reserve of {months, plural, one {{months} month's} other {{months} months'}} expenses cannot be checked",
  'suit.reserve.check':
    "Investable assets {assets} less the minimum {minimum} leave {left}; the reserve of {months, plural, one {{months} month's} other {{months} months'}} expenses is {reserve}",
  'suit.minimum.within': 'Minimum investment {minimum} is within investable assets {assets}',
  'suit.minimum.exceeds': 'Minimum investment {minimum} exceeds investable assets {assets}',
  'suit.concentration.exempt': 'No concentration limit for {what}',
  'suit.concentration.insured': 'insured deposits',
  'suit.concentration.category': 'the {category} category',
  'suit.concentration.check':
    'Holding {held} plus the minimum {minimum} makes this product {productShare} of {base} (limit {productLimit}); the {category} category would be {categoryShare} (limit {categoryLimit})',
  'suit.alreadyHeld.no': 'Not yet held; a {category} product is held at most once',
  'suit.alreadyHeld.yes': 'Already held since {since}; a {category} product is held at most once',

  'suit.risk.noClass':
    'No risk class: the client has not completed the risk questionnaire, so no investment product (this one is {grade}) can be offered',
  'suit.risk.professionalLimit': 'the professional-investor limit {limit} (class {cls})',
  'suit.risk.classLimit': "class {cls}'s limit {limit}",
  'suit.risk.within': 'Risk grade {grade} is within {limit}',
  'suit.risk.exceeds': 'Risk grade {grade} exceeds {limit}',
  'suit.risk.mayAsk':
    '{exceeds}; the client may still ask for it as a client-requested deviation, with the risk warning shown and acknowledged',
  'suit.risk.neverForClass': '{exceeds}; a client-requested deviation is never allowed for class {cls}',
  'suit.risk.noDeviations': '{exceeds}; this rule set allows no client-requested deviation',
  'suit.risk.tooFar':
    '{exceeds}; a client-requested deviation may go at most {maxAbove, plural, one {{maxAbove} grade} other {{maxAbove} grades}} above the limit, to {furthest}',
  'suit.risk.noWarning': '{exceeds}; the client asked for it but the risk warning has not been shown',
  'suit.risk.noAcknowledgement': "{exceeds}; the client's written acknowledgement of the warning is not recorded",
  'suit.risk.ackInFuture': '{exceeds}; the acknowledgement is dated {date}, after today {today}',
  'suit.risk.deviationAllowed':
    '{exceeds}; allowed as a client-requested deviation: warning shown, acknowledged by {by} on {date}',
  'deviation.warning.noClass':
    'Risk warning: {product} has risk grade {grade}. The client has no assessed risk class, so no investment product can be sold.',
  'deviation.warning':
    'Risk warning: {product} has risk grade {grade}, {above, plural, one {{above} grade} other {{above} grades}} above {limit}, the highest grade suited to your risk class {cls}. It can lose more, and more often, than the products your risk assessment allows, and you may lose part or all of the money you invest. You are asking to buy it on your own initiative, against the result of your risk assessment; it has not been recommended to you.',
  'deviation.refusal.notInvestment':
    '{product} is not judged by risk class, so there is no risk-class rule to deviate from',
  'deviation.refusal.noClass': 'The client has no risk class yet: complete the risk questionnaire first',
  'deviation.refusal.withinLimit':
    'Risk grade {grade} is already within {limit} for class {cls}: no deviation is needed',
  'deviation.refusal.lowestClass':
    'Class {cls} is the most conservative class: a client-requested deviation is never allowed, whatever the client acknowledges',
  'deviation.refusal.disabled': 'Rule set {ruleSet} version {version} allows no client-requested deviation',
  'deviation.refusal.tooFar':
    'Risk grade {grade} is {above, plural, one {{above} grade} other {{above} grades}} above the limit {limit} for class {cls}; a deviation may go at most {maxAbove, plural, one {{maxAbove} grade} other {{maxAbove} grades}} above it',
  'deviation.refusal.otherRules': 'A deviation lifts only the risk-class rule, and this product also fails: {reasons}',
  'deviation.refusal.alreadyRecorded': 'Already recorded on {date}, acknowledged by {by}',
  'deviation.refusal.notAllowed': 'not allowed',
} satisfies Record<string, string>;

export type SuitabilityMessageKey = keyof typeof enSuitability;
