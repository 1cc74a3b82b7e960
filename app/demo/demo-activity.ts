import type {
  Holding,
  Interaction,
  InteractionChannel,
  MarketSnapshot,
  Meeting,
  MeetingPlace,
  MeetingPurpose,
  Outcome,
  Product,
} from '../domain';
import { zonedInstant } from '../meetings/day-range';
import { MEETING_PLACES, MEETING_PURPOSES } from '../domain/meeting';
import { clientAge, type DemoClient } from './demo-clients';
import { plantedProbability } from './planted-interest';
import { addDays, round, type Prng } from './prng';

export const DEMO_ADVISORS = ['ADV-01', 'ADV-02', 'ADV-03', 'ADV-04'] as const;
const INVESTMENT_FAMILIES = new Set(['deposit', 'fund', 'security']);

function productsFor(client: DemoClient, products: readonly Product[]): Product[] {
  return products.filter((p) => p.eligibility.clientKinds.includes(client.profile.kind));
}

/** Existing positions: mostly deposits and funds within the client's class, sized from investable assets. */
export function generateHoldings(
  rng: Prng,
  clients: readonly DemoClient[],
  products: readonly Product[],
  today: string,
): Holding[] {
  const holdings: Holding[] = [];
  for (const client of clients) {
    const classNum = client.riskClass ? Number(client.riskClass.slice(1)) : 1;
    const candidates = productsFor(client, products).filter(
      (p) => INVESTMENT_FAMILIES.has(p.family) && Number(p.riskGrade.slice(1)) <= classNum,
    );
    const count = Math.min(candidates.length, rng.int(0, 4));
    const chosen = new Set<Product>();
    while (chosen.size < count) chosen.add(rng.pick(candidates));
    let n = 0;
    for (const product of chosen) {
      const amount = Math.max(
        product.minimumAmount,
        round(client.profile.investableAssets * (0.05 + rng.next() * 0.3), 1000),
      );
      holdings.push({
        id: `${client.id}-H${++n}`,
        clientId: client.id,
        productId: product.id,
        amount,
        acquiredOn: addDays(today, -rng.int(30, 1500)),
      });
    }
  }
  return holdings;
}

// The demo's meetings are reviews of existing clients at a named place: no "new client", no "other".
const PURPOSES: readonly MeetingPurpose[] = MEETING_PURPOSES.filter((p) => p !== 'new-client' && p !== 'other');
const PLACES: readonly MeetingPlace[] = MEETING_PLACES.filter((p) => p !== 'other');

/**
 * The demo branch's time zone. The book is a mainland-China branch's (CNY money, mostly Chinese clients), so its
 * office hours are Shanghai's; a demo store starts with this as the advisor's time-zone setting.
 */
export const DEMO_BRANCH_TIME_ZONE = 'Asia/Shanghai';

/** Office hours of the branch: meetings start from 09:00 and end by 17:30 local time. */
const OPENS_AT = 9 * 60;
const CLOSES_AT = 17 * 60 + 30;
/** The first meetings are pinned to the seed day and the two after it, so "today" and "tomorrow" in the branch's
 * zone (a day ahead of UTC from 16:00 UTC) always have some. */
const PINNED_DAYS = 3;
const PINNED_PER_DAY = 2 * DEMO_ADVISORS.length;

/**
 * Meetings in the coming weeks plus a few in the past month, on weekdays (the pinned first days excepted) and in
 * the branch's office hours. An advisor's meetings on a day never overlap.
 */
export function generateMeetings(
  rng: Prng,
  clients: readonly DemoClient[],
  today: string,
  upcoming = 60,
  past = 20,
  timeZone = DEMO_BRANCH_TIME_ZONE,
): Omit<Meeting, 'clientName'>[] {
  const meetings: Omit<Meeting, 'clientName'>[] = [];
  const booked = new Map<string, [number, number][]>();
  for (let i = 0; i < upcoming + past; i++) {
    const client = rng.pick(clients);
    const pinned = i < PINNED_DAYS * PINNED_PER_DAY;
    let day = pinned
      ? addDays(today, Math.floor(i / PINNED_PER_DAY))
      : i < upcoming
        ? addDays(today, rng.int(0, 35))
        : addDays(today, -rng.int(1, 30));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (!pinned && weekday === 0) day = addDays(day, 1);
    if (!pinned && weekday === 6) day = addDays(day, 2);
    // Pinned days give every advisor two meetings, the first advisor (the demo's default sign-in) included: a day
    // of eight or more to prepare in one go.
    const advisorId = pinned ? DEMO_ADVISORS[i % DEMO_ADVISORS.length]! : rng.pick(DEMO_ADVISORS);
    const durationMinutes = rng.pick([30, 45, 60, 90]);
    const taken = booked.get(`${advisorId} ${day}`) ?? [];
    let start = OPENS_AT;
    for (let attempt = 0; attempt < 40; attempt++) {
      start = OPENS_AT + 30 * rng.int(0, Math.floor((CLOSES_AT - OPENS_AT - durationMinutes) / 30));
      if (!taken.some(([from, to]) => start < to && from < start + durationMinutes)) break;
    }
    taken.push([start, start + durationMinutes]);
    booked.set(`${advisorId} ${day}`, taken);
    meetings.push({
      id: `MT-${String(i + 1).padStart(4, '0')}`,
      clientId: client.id,
      startsAt: zonedInstant(day, start, timeZone).toISOString(),
      durationMinutes,
      location: rng.pick(PLACES),
      locationNote: '',
      purpose: rng.pick(PURPOSES),
      purposeNote: '',
      advisorId,
      status: 'scheduled',
    });
  }
  return meetings;
}

const CHANNELS: readonly InteractionChannel[] = ['meeting', 'meeting', 'call', 'call', 'email', 'branch'];

/**
 * A year of recorded pitches. Product choice is mostly sensible but not always (advisors explored; some
 * pitches were above the client's class, which is what the risk-gap effect needs to be visible). Outcomes
 * follow the planted model in planted-interest.ts; the last fortnight's are partly still pending (null).
 */
export function generateInteractions(
  rng: Prng,
  clients: readonly DemoClient[],
  products: readonly Product[],
  market: readonly MarketSnapshot[],
  today: string,
  count: number,
): Interaction[] {
  const byDate = new Map(market.map((m) => [m.asOf, m]));
  const interactions: Interaction[] = [];
  for (let i = 0; i < count; i++) {
    const client = rng.pick(clients);
    const pool = rng.chance(0.85) ? productsFor(client, products) : products;
    const product = rng.pick(pool);
    const daysAgo = rng.int(0, market.length - 1);
    const date = addDays(today, -daysAgo);
    const snapshot = byDate.get(date) ?? market[market.length - 1]!;
    const channel = rng.pick(CHANNELS);
    const p = plantedProbability({
      profile: client.profile,
      riskClass: client.riskClass,
      age: clientAge(client.profile, date),
      product,
      market: snapshot,
      channel,
    });
    let outcome: Outcome | null;
    if (daysAgo < 14 && rng.chance(0.4)) outcome = null;
    else if (rng.next() < p) outcome = rng.chance(0.4) ? 'accepted' : 'interested';
    else outcome = rng.chance(0.6) ? 'declined' : 'no_response';
    const policy = rng.chance(0.7) ? 'advisor_choice' : 'rules_v1';
    interactions.push({
      id: `IX-${String(i + 1).padStart(6, '0')}`,
      clientId: client.id,
      productId: product.id,
      occurredAt: `${date}T${String(rng.int(1, 10)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
      channel,
      policy,
      score: policy === 'rules_v1' ? Math.round(rng.next() * 1000) / 1000 : null,
      outcome,
      advisorId: rng.pick(DEMO_ADVISORS),
      note: '',
    });
  }
  return interactions.sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1,
  );
}
