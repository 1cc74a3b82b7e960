import type { ClientRanking } from '../../app/domain/ranking';
import { DomainError } from '../../app/domain/domain-error';
import type { Language } from '../../app/messages/language';
import {
  assembleMeetingPack,
  type MeetingPackData,
  type MeetingPackInput,
  type PackPitch,
} from '../../app/use-cases/meeting-pack';
import { getClient } from '../db/client-repository';
import type { Db } from '../db/connection';
import { listHoldingsForClient } from '../db/holding-repository';
import { listInteractionsForClient } from '../db/interaction-repository';
import { latestMarketSnapshot } from '../db/market-repository';
import { listMeetingsForClient } from '../db/meeting-repository';
import { getPitchDraft, listPitchDrafts } from '../db/pitch-draft-repository';
import { listProducts } from '../db/product-repository';
import { activeRuleSet } from '../db/rule-set-repository';

export interface MeetingPackRequest {
  clientId: string;
  /** The pack's language; the client's when not given. */
  language?: Language;
  /** The meeting the pack is for; the client's next meeting from now when not given (none if there is none). */
  meetingId?: string;
}

export interface MeetingPackSources {
  /** ISO time the pack is prepared at. */
  now: string;
  /** The ranking to use when the caller has one (a batch that just ranked and logged it); else `rank` makes one. */
  ranking?: ClientRanking | null;
  rank?: (clientId: string) => Promise<ClientRanking>;
  /** The advisor's time zone for the meeting's time. */
  timeZone?: string;
}

/** The client's pitches as the pack shows them: per draft, the approved version if any, else the latest. */
function packPitches(db: Db, clientId: string): PackPitch[] {
  const pitches: PackPitch[] = [];
  for (const summary of listPitchDrafts(db, clientId)) {
    const draft = getPitchDraft(db, summary.id);
    if (!draft) continue;
    const approved =
      draft.approvedVersion !== null ? draft.versions.find((v) => v.version === draft.approvedVersion) : undefined;
    const latest = draft.versions[draft.versions.length - 1]!;
    const shown = approved ?? latest;
    pitches.push({
      productId: draft.productId,
      language: draft.language,
      status: approved ? 'approved' : draft.awaitingReview?.version === latest.version ? 'awaiting-review' : 'draft',
      version: shown.version,
      content: shown.content,
    });
  }
  return pitches;
}

/** Everything the pack is assembled from, read from the store (and the ranking, made or given). */
export async function loadMeetingPackInput(
  db: Db,
  request: MeetingPackRequest,
  sources: MeetingPackSources,
): Promise<MeetingPackInput> {
  const client = getClient(db, request.clientId);
  if (!client) throw new DomainError('not_found', `No client with id ${request.clientId}.`);
  const meetings = listMeetingsForClient(db, client.id);
  let meeting = null;
  if (request.meetingId) {
    meeting = meetings.find((m) => m.id === request.meetingId) ?? null;
    if (!meeting) throw new DomainError('not_found', `No meeting ${request.meetingId} for client ${request.clientId}.`);
  } else {
    // Newest first: the last one at or after now is the next meeting.
    meeting = meetings.filter((m) => m.startsAt >= sources.now).at(-1) ?? null;
  }
  const ranking = sources.ranking !== undefined ? sources.ranking : sources.rank ? await sources.rank(client.id) : null;
  const catalog = listProducts(db, { search: '', family: null });
  const byId = new Map(catalog.map((p) => [p.id, p]));
  const holdings = listHoldingsForClient(db, client.id).map((h) => {
    const product = byId.get(h.productId);
    return { ...h, currency: product?.currency ?? 'CNY', termMonths: product?.termMonths ?? null };
  });
  const wanted = new Set([...(ranking?.ranked ?? []).map((p) => p.productId), ...holdings.map((h) => h.productId)]);
  return {
    client,
    holdings,
    ranking,
    products: catalog.filter((p) => wanted.has(p.id)),
    pitches: packPitches(db, client.id),
    interactions: listInteractionsForClient(db, client.id),
    market: latestMarketSnapshot(db, sources.now.slice(0, 10)),
    meeting,
    language: request.language ?? client.language,
    now: sources.now,
    ...(sources.timeZone ? { timeZone: sources.timeZone } : {}),
    kyc: activeRuleSet(db).rules.kyc,
  };
}

/** The meeting pack's data for one client, ready for meetingPackPdf. */
export async function loadMeetingPack(
  db: Db,
  request: MeetingPackRequest,
  sources: MeetingPackSources,
): Promise<MeetingPackData> {
  return assembleMeetingPack(await loadMeetingPackInput(db, request, sources));
}
