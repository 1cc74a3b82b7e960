import type { Interaction, Product } from '../../app/domain';
import { createSeededRandom, type SeededRandom } from '../../app/scoring/seeded-random';
import type { ScoredClient } from '../../app/scoring/scoring-context';
import {
  clamp,
  countFrom,
  eventTime,
  importedClient,
  importedProduct,
  outcomeInteraction,
  pick,
  sigmoid,
  zipf,
  type Attributes,
  type SyntheticDataset,
} from './synthetic-book';

/**
 * Yardsticks that are not the demo data: tabular sets shaped like the public ones the model will be judged on
 * (UCI bank marketing, vehicle-insurance cross-sell, a multi-product cross-sell), with the effects real data has
 * and a linear model misses: thresholds, U-shapes, interactions between columns, skewed amounts, high-cardinality
 * codes, missing values and about 10 % positives. Every column arrives as an imported custom attribute, so the
 * app's own raw-feature and encoding path is what gets measured. Deterministic for a seed.
 */

function finish(
  name: string,
  description: string,
  events: { client: ScoredClient; product: Product; p: number; context?: Attributes }[],
  products: Product[],
  rng: SeededRandom,
): SyntheticDataset {
  const interactions: Interaction[] = [];
  const truth = new Map<string, number>();
  const clients = new Map<string, ScoredClient>();
  events.forEach((e, n) => {
    const id = `${name}-${n}`;
    interactions.push(
      outcomeInteraction(id, e.client.id, e.product.id, eventTime(n, events.length), rng.next() < e.p, e.context),
    );
    truth.set(id, e.p);
    clients.set(e.client.id, e.client);
  });
  return {
    name,
    description,
    interactions,
    truth,
    book: { clients: [...clients.values()], products, marketSnapshots: [] },
  };
}

const JOBS = [
  'admin.',
  'blue-collar',
  'technician',
  'services',
  'management',
  'retired',
  'self-employed',
  'entrepreneur',
  'unemployed',
  'housemaid',
  'student',
  'unknown',
];
const JOB_WEIGHTS = [11, 21, 17, 9, 21, 5, 3.5, 3.3, 2.9, 2.7, 2, 0.6];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WEIGHTS = [3, 6, 1, 6.5, 30, 12, 15, 14, 1.3, 1.6, 9, 0.5];

/** One term-deposit campaign, one row per client contact: the UCI bank-marketing shape. */
export function bankMarketing(rows: number, seed: number): SyntheticDataset {
  const rng = createSeededRandom(seed);
  const product = importedProduct('term-deposit', 'deposit', {});
  const branchEffect = Array.from({ length: 300 }, () => rng.normal() * 0.6);
  const events = [];
  for (let n = 0; n < rows; n++) {
    const retiredAge = rng.next() < 0.06;
    const age = Math.round(retiredAge ? 60 + rng.next() * 30 : clamp(40 + rng.normal() * 10.5, 18, 75));
    let job = pick(rng, JOBS, JOB_WEIGHTS);
    if (age < 26 && rng.next() < 0.35) job = 'student';
    if (age >= 61 && rng.next() < 0.7) job = 'retired';
    const marital =
      age < 30
        ? pick(rng, ['single', 'married', 'divorced'], [6, 3.5, 0.5])
        : pick(rng, ['single', 'married', 'divorced'], [2, 6.5, 1.5]);
    const education =
      rng.next() < 0.04
        ? null
        : job === 'management'
          ? pick(rng, ['secondary', 'tertiary'], [2, 8])
          : pick(rng, ['primary', 'secondary', 'tertiary'], [15, 55, 30]);
    const defaulted = rng.next() < 0.02 ? 'yes' : 'no';
    const u = rng.next();
    const balance =
      rng.next() < 0.03
        ? null
        : u < 0.08
          ? 0
          : u < 0.16
            ? -Math.round(Math.exp(4 + rng.normal()))
            : Math.round(Math.exp(6.6 + 1.5 * rng.normal()));
    const housing = rng.next() < (age >= 28 && age <= 50 ? 0.65 : 0.4) ? 'yes' : 'no';
    const loan = rng.next() < 0.16 ? 'yes' : 'no';
    const month = pick(rng, MONTHS, MONTH_WEIGHTS);
    const contact =
      rng.next() < (month === 'may' || month === 'jun' ? 0.5 : 0.15)
        ? 'unknown'
        : rng.next() < 0.9
          ? 'cellular'
          : 'telephone';
    const day = 1 + Math.floor(rng.next() * 31);
    const duration = Math.round(Math.exp(5.2 + 0.85 * rng.normal()));
    const campaign = countFrom(rng, 0.4, 63);
    const contacted = rng.next() < 0.18;
    const pdays = contacted ? 1 + Math.floor(rng.next() * rng.next() * 400) : -1;
    const previous = contacted ? countFrom(rng, 0.45, 30) : 0;
    const poutcome = contacted ? pick(rng, ['failure', 'other', 'success'], [6, 1.5, 2.5]) : 'unknown';
    const branch = zipf(rng, 300);

    let z = -2.75;
    z += age < 25 ? 0.9 : age < 30 ? 0.3 : age >= 60 ? 1.1 : 0;
    z += 1.5 * clamp(Math.log(duration) - 5.2, -2, 2.5) + (duration < 60 ? -1.8 : 0);
    z += poutcome === 'success' ? 2.0 : poutcome === 'failure' ? -0.2 : 0;
    z += pdays > 0 && pdays < 100 ? 0.5 : 0;
    z += month === 'mar' || month === 'sep' || month === 'oct' || month === 'dec' ? 1.3 : month === 'may' ? -0.5 : 0;
    z += contact === 'unknown' ? -1.0 : 0;
    z += contact === 'cellular' && (month === 'apr' || month === 'aug') ? 0.5 : 0;
    z += housing === 'yes' ? (age < 35 ? -1.2 : -0.5) : 0;
    z += loan === 'yes' ? -0.4 : 0;
    z -= Math.min(1.5, 0.25 * Math.max(0, campaign - 2));
    z += balance === null ? 0 : balance > 1500 ? 0.4 : balance < 0 ? -0.5 : 0;
    z += age >= 60 && balance !== null && balance > 3000 ? 0.7 : 0;
    z += job === 'student' ? 0.7 : job === 'retired' ? 0.4 : job === 'blue-collar' ? -0.4 : 0;
    z += job === 'management' && education === 'tertiary' ? 0.6 : 0;
    z += defaulted === 'yes' ? -0.6 : 0;
    z += branchEffect[branch]!;

    const client = importedClient(`BM-${n}`, {
      age,
      job,
      marital,
      education,
      default: defaulted,
      balance,
      housing,
      loan,
      branch: `B${String(branch).padStart(3, '0')}`,
    });
    events.push({
      client,
      product,
      p: sigmoid(z),
      context: { contact, day, month, duration, campaign, pdays, previous, poutcome },
    });
  }
  return finish(
    'bank-marketing',
    'one term deposit, one contact per client (UCI bank-marketing shape)',
    events,
    [product],
    rng,
  );
}

/** Vehicle-insurance cross-sell to health-insurance holders: codes arrive as numbers, as they do in the public set. */
export function insuranceCrossSell(rows: number, seed: number): SyntheticDataset {
  const rng = createSeededRandom(seed);
  const product = importedProduct('vehicle-cover', 'insurance', {});
  const regionEffect = Array.from({ length: 53 }, () => rng.normal() * 0.5);
  const channelEffect = Array.from({ length: 163 }, () => rng.normal() * 0.4);
  const events = [];
  for (let n = 0; n < rows; n++) {
    const young = rng.next() < 0.4;
    const age = Math.round(young ? 20 + rng.next() * 10 : clamp(48 + rng.normal() * 14, 20, 85));
    const gender = rng.next() < 0.54 ? 'Male' : 'Female';
    const license = rng.next() < 0.003 ? 0 : 1;
    const region = [28, 8, 46, 41, 15, 30, 29, 50, 3, 11][zipf(rng, 10)] ?? Math.floor(rng.next() * 53);
    const regionCode = rng.next() < 0.3 ? Math.floor(rng.next() * 53) : region;
    const insured = rng.next() < (age < 30 ? 0.6 : 0.35) ? 1 : 0;
    const vehicleAge =
      age < 30
        ? pick(rng, ['< 1 Year', '1-2 Year'], [8, 2])
        : pick(rng, ['< 1 Year', '1-2 Year', '> 2 Years'], [2, 7, 1]);
    const damage = rng.next() < (insured ? 0.05 : 0.85) ? 'Yes' : 'No';
    const premium =
      rng.next() < 0.02 ? null : rng.next() < 0.17 ? 2630 : Math.round(Math.exp(10.35 + 0.35 * rng.normal()));
    const channel =
      age < 30 && rng.next() < 0.7
        ? pick(rng, [152, 160])
        : rng.next() < 0.6
          ? pick(rng, [26, 124, 152])
          : 1 + Math.floor(rng.next() * 162);
    const vintage = 10 + Math.floor(rng.next() * 290);

    let z = -3.5;
    z += insured ? -4.0 : 0;
    z += damage === 'Yes' ? (insured ? 0.3 : 1.8) : 0;
    z += age < 25 ? -1.0 : age < 31 ? -0.4 : age >= 33 && age <= 52 ? 0.6 : age > 60 ? -0.5 : 0;
    z += vehicleAge === '> 2 Years' ? 0.5 : vehicleAge === '< 1 Year' ? -0.5 : 0;
    z +=
      channel === 152 || channel === 160
        ? age > 40
          ? 0.0
          : -1.2
        : channel === 26 || channel === 124
          ? 0.3
          : channelEffect[channel]!;
    z += regionEffect[regionCode]! + (regionCode === 28 ? 0.4 : 0);
    z += premium === null ? 0 : premium === 2630 ? 0.2 : premium > 60000 ? 0.4 : 0;
    z += gender === 'Male' ? 0.15 : 0;
    z += license === 0 ? -2 : 0;

    const client = importedClient(`IC-${n}`, {
      gender,
      age,
      driving_license: license,
      region_code: regionCode,
      previously_insured: insured,
      vehicle_age: vehicleAge,
      vehicle_damage: damage,
      annual_premium: premium,
      policy_sales_channel: channel,
      vintage,
    });
    events.push({ client, product, p: sigmoid(z) });
  }
  return finish(
    'insurance-cross-sell',
    'vehicle cover offered to health-insurance holders (public cross-sell shape)',
    events,
    [product],
    rng,
  );
}

const PRODUCT_TYPES = ['car', 'home', 'life', 'travel', 'health', 'pension', 'savings', 'credit'] as const;

/**
 * Eight policies offered to a few thousand clients, several offers each: what a client takes depends on who they
 * are and what the product is (homeowners and home cover, parents and life cover, income over a threshold and
 * pensions), so the signal lives in client × product interactions.
 */
export function multiProductCrossSell(clientCount: number, seed: number): SyntheticDataset {
  const rng = createSeededRandom(seed);
  const products = PRODUCT_TYPES.map((type, i) =>
    importedProduct(
      `P-${type}`,
      type === 'credit' ? 'consumer_credit' : type === 'savings' || type === 'pension' ? 'deposit' : 'insurance',
      {
        type,
        monthly_cost: [45, 30, 25, 8, 60, 150, 0, 0][i]!,
        term_years: [1, 1, 20, 0, 1, 30, 5, 3][i]!,
      },
    ),
  );
  const productBase = Array.from({ length: products.length }, () => rng.normal() * 0.3);
  const regionByType = Array.from({ length: 40 * products.length }, () => rng.normal() * 0.5);
  const clients: {
    client: ScoredClient;
    propensity: number;
    attrs: Record<string, number | string | boolean | null>;
  }[] = [];
  for (let c = 0; c < clientCount; c++) {
    const age = Math.round(clamp(44 + rng.normal() * 15, 18, 90));
    const income = rng.next() < 0.06 ? null : Math.round(Math.exp(10.4 + 0.6 * rng.normal()));
    const children = age < 25 || age > 65 ? 0 : pick(rng, [0, 1, 2, 3, 4], [4, 2, 2.5, 1, 0.3]);
    const homeowner = rng.next() < (age > 35 ? 0.65 : 0.2);
    const hasCar = rng.next() < 0.6;
    const region = `R${zipf(rng, 40)}`;
    const segment =
      income !== null && income > 80000
        ? pick(rng, ['affluent', 'private'], [4, 1])
        : pick(rng, ['mass', 'affluent'], [9, 1]);
    const tenure = Math.round(Math.exp(1.5 + rng.normal()) * 10) / 10;
    const attrs = { age, income, children, homeowner, has_car: hasCar, region, segment, tenure_years: tenure };
    clients.push({ client: importedClient(`MC-${c}`, attrs), propensity: rng.normal() * 0.5, attrs });
  }
  const events = [];
  const offers = clientCount * 4;
  for (let n = 0; n < offers; n++) {
    const { client, propensity, attrs } = clients[Math.floor(rng.next() * clients.length)]!;
    const t = Math.floor(rng.next() * products.length);
    const type = PRODUCT_TYPES[t]!;
    const age = attrs.age as number;
    const income = attrs.income as number | null;
    const low = income !== null && income < 25000;
    let z = -2.85 + productBase[t]! + propensity;
    if (type === 'car') z += attrs.has_car ? 2.0 : -1.5;
    if (type === 'home') z += attrs.homeowner ? 1.8 : -0.8;
    if (type === 'life') z += ((attrs.children as number) > 0 ? 1.2 : 0) + (age >= 30 && age <= 50 ? 0.5 : 0);
    if (type === 'travel') z += (age < 35 ? 1.0 : 0) + (income !== null && income > 60000 ? 0.5 : 0);
    if (type === 'health') z += age > 50 ? 0.9 : 0;
    if (type === 'pension')
      z += (income !== null && income > 60000 ? 1.2 : -0.3) + (age >= 40 && age <= 60 ? 0.6 : age > 62 ? -1.0 : 0);
    if (type === 'savings') z += attrs.segment === 'affluent' ? 0.6 : 0;
    if (type === 'credit') z += (low ? 0.8 : 0) + (age < 30 ? 0.5 : 0);
    z -= ((products[t]!.customAttributes.monthly_cost as number) / 100) * (low ? 1.5 : 0.5);
    z += regionByType[Number((attrs.region as string).slice(1)) * products.length + t]!;
    events.push({ client, product: products[t]!, p: sigmoid(z) });
  }
  return finish(
    'multi-product',
    'eight policies, about four offers per client (client × product interactions)',
    events,
    products,
    rng,
  );
}

export const SYNTHETIC_SETS = {
  'bank-marketing': (seed: number, scale = 1) => bankMarketing(Math.round(16000 * scale), seed),
  'insurance-cross-sell': (seed: number, scale = 1) => insuranceCrossSell(Math.round(16000 * scale), seed),
  'multi-product': (seed: number, scale = 1) => multiProductCrossSell(Math.round(3500 * scale), seed),
} as const;
export type SyntheticSetName = keyof typeof SYNTHETIC_SETS;
