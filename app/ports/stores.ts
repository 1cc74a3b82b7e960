import type {
  Client,
  ClientListQuery,
  CustomAttributes,
  Holding,
  ClientPage,
  ClientProfile,
  Interaction,
  MarketSnapshot,
  Meeting,
  ModelVersionSummary,
  NewClient,
  Product,
  ProductListQuery,
  QuestionnaireResult,
  UserSettings,
} from '../domain';
import type { ClientRanking, RuleCheckView, ScoreReason } from '../domain/ranking';
import type { LiveComparisonView, StoredModelMetrics } from '../domain/model-version';
import type { DemoData } from '../demo/demo-data';
import type { BookOfBusiness } from '../scoring/training-rows';
import type { RequestedDeviation, SuitabilityRuleSet } from '../suitability';
import type {
  HoldingWithProduct,
  InteractionWithProduct,
  NewDeviation,
  RuleSetVersion,
  SuitabilityDeviation,
} from './records';

/**
 * The store as the use-cases see it. Methods are synchronous: the store and the use-cases run in the same process
 * (the backend's), and a use-case that writes several records does it inside `Transactions.write`. Writes that
 * change an audited record take who and when, and append the audit entry in the same transaction.
 */

/** Who made a change and when, for the audit trail. */
export interface ChangeMeta {
  at: string;
  actor: string;
}

export interface ClientStore {
  get(id: string): Client | null;
  exists(id: string): boolean;
  list(query: ClientListQuery, now: string): ClientPage;
  count(): number;
  insert(client: NewClient, actor: string): Client;
  /** Saves only if nobody saved since `expectedRevision`; a conflict otherwise. */
  update(id: string, expectedRevision: number, profile: ClientProfile, meta: ChangeMeta): Client;
  recordQuestionnaire(
    id: string,
    expectedRevision: number,
    result: QuestionnaireResult,
    meta: { actor: string },
  ): Client;
}

export interface ProductStore {
  get(id: string): Product | null;
  list(query: ProductListQuery): Product[];
  count(): number;
}

export interface HoldingStore {
  forClient(clientId: string): HoldingWithProduct[];
}

export interface InteractionStore {
  forClient(clientId: string): InteractionWithProduct[];
  /** Every interaction, oldest first. */
  all(): Interaction[];
  count(): number;
  insert(interactions: readonly Interaction[]): void;
  /** One interaction, including one already undone (undoneAt set). */
  get(id: string): (Interaction & { undoneAt: string | null }) | null;
  /** Withdraws a recorded reaction and writes its audit entry; readers leave it out from then on. */
  undo(id: string, meta: ChangeMeta): void;
}

/** Where a ranking was shown: the client page, the CLI's recommend, a batch preparation. */
export type ImpressionSurface = 'app' | 'cli' | 'batch';

/** A ranking as it was shown to someone, kept so the reactions recorded from it can point back to it. */
export interface RankingImpression {
  id: string;
  shownAt: string;
  surface: ImpressionSurface;
  shownTo: string;
  ranking: ClientRanking;
  /**
   * The policy that produced the ranking, as one label to group outcomes by (`model-v12`, `model-v12+lm`,
   * `popularity`, `rules-only`, …). Absent: derived from the ranking's model version and language-model use.
   */
  policy?: string;
  /** The experiment arm the client was assigned to, and the probability of that assignment. */
  experiment?: { id: string; arm: string; propensity: number };
  /** The probability with which this ranking explored instead of showing the policy's own order (0: none). */
  explorationRate?: number;
}

/** The policy label of a ranking that names none: its model version (and whether language-model signals were used). */
export function defaultPolicyLabel(ranking: Pick<ClientRanking, 'modelVersion' | 'languageModel'>): string {
  if (ranking.modelVersion === null) return 'popularity';
  return `model-v${ranking.modelVersion}${ranking.languageModel?.used ? '+lm' : ''}`;
}

/** An impression as stored: what the ranking showed, in the order shown, and what it excluded by which rules. */
export interface StoredImpression {
  id: string;
  clientId: string;
  shownAt: string;
  surface: ImpressionSurface;
  shownTo: string;
  modelVersion: number | null;
  ruleSet: { id: string; version: number };
  languageModel: ClientRanking['languageModel'];
  /** The credit filter the ranking was shown under (part of its policy); null for impressions kept before it existed. */
  credit: NonNullable<ClientRanking['credit']> | null;
  ranked: {
    position: number;
    productId: string;
    probability: number;
    reasons: ScoreReason[];
    movedForDiversity: boolean;
    deviation: boolean;
    /** The probability the logging policy put it where it was shown; absent on rows kept before it was recorded. */
    propensity?: number;
    explored?: true;
  }[];
  excluded: { productId: string; failed: RuleCheckView[] }[];
}

export interface ImpressionStore {
  record(impression: RankingImpression): void;
  get(id: string): StoredImpression | null;
  /** The client a stored impression was shown for and the products it ranked; null when there is none. */
  find(id: string): { clientId: string; rankedProductIds: string[] } | null;
}

/** A meeting as booked: who, when, where and why; the client's name and the status are the store's to fill. */
export type MeetingBooking = Omit<Meeting, 'clientName' | 'status'>;

export interface MeetingStore {
  /** Scheduled meetings from now on, soonest first. */
  upcoming(now: string, limit: number): Meeting[];
  forClient(clientId: string): Meeting[];
  get(id: string): Meeting | null;
  /** Meetings starting in [from, to) (UTC ISO), cancelled ones included; one advisor's, or all without one. */
  inRange(from: string, to: string, advisorId?: string): Meeting[];
  /** Each write appends its audit entry in the same transaction. */
  create(meeting: MeetingBooking, meta: ChangeMeta): Meeting;
  move(id: string, change: { startsAt: string; durationMinutes: number }, meta: ChangeMeta): Meeting;
  cancel(id: string, meta: ChangeMeta): Meeting;
}

export interface MarketStore {
  /** The latest snapshot on or before the date, or the latest of all without one. */
  latest(onOrBefore?: string): MarketSnapshot | null;
  /** Every stored day, oldest first. */
  all(): MarketSnapshot[];
}

export interface RuleSetStore {
  /** The active stored version, or the shipped default while none is stored. */
  active(): SuitabilityRuleSet;
  versions(): RuleSetVersion[];
  /** Validates and stores a new version (not active); refused with the problems named. */
  save(ruleSet: unknown, options: { name: string } & ChangeMeta): RuleSetVersion;
  activate(version: number, meta: ChangeMeta): RuleSetVersion | null;
}

export interface DeviationStore {
  get(id: string): SuitabilityDeviation | null;
  forClient(clientId: string): SuitabilityDeviation[];
  active(clientId: string, productId: string): SuitabilityDeviation | null;
  /** The client's unwithdrawn deviations by product, as the ranking takes them. */
  activeForRanking(clientId: string): Map<string, RequestedDeviation>;
  record(deviation: NewDeviation, meta: ChangeMeta): SuitabilityDeviation;
  withdraw(id: string, meta: ChangeMeta): SuitabilityDeviation | null;
}

export interface StoredModelVersion {
  summary: ModelVersionSummary;
  /** The parameters as stored, parsed but not checked: the model layer validates them. */
  params: unknown;
}

export interface NewModelVersion {
  params: unknown;
  metrics: StoredModelMetrics;
  trainedFrom: string | null;
  trainedTo: string | null;
  trainRows: number;
  testRows: number;
  /** Against the live version on the same held-out outcomes; when it says not made live, the version is only stored. */
  comparison?: LiveComparisonView;
  note: string;
  at: string;
  actor: string;
}

export interface ModelVersionStore {
  /** Newest first. */
  list(): ModelVersionSummary[];
  /** Which version is live and how many outcomes it has learned: cheap, for checking a cached model. */
  activeStamp(): { version: number; onlineUpdates: number } | null;
  active(): StoredModelVersion | null;
  /** Stores a version and makes it the active one, unless its comparison with the live one says it is worse. */
  insert(version: NewModelVersion): ModelVersionSummary;
  activate(version: number, meta: ChangeMeta): ModelVersionSummary | null;
  /** Saves what the live version learned from one more outcome; returns the new count. Call inside a write. */
  saveOnlineUpdate(version: number, params: unknown, at: string): number;
  /**
   * Puts back the parameters a version had before its latest online update, if it still has exactly
   * `updatesAfter` updates (none since); returns whether it did.
   */
  revertOnlineUpdate(version: number, paramsJson: string, updatesAfter: number, at: string): boolean;
}

export interface SettingsStore {
  get(): UserSettings;
  update(patch: Partial<UserSettings>, at: string): UserSettings;
}

/** Everything a full retrain reads: the outcomes and the book they are joined to. */
export interface TrainingSource {
  interactions(): Interaction[];
  /** The whole book, or only the given clients (with every product and market day) where only they are needed. */
  book(clientIds?: ReadonlySet<string>): BookOfBusiness;
}

/** How much the store holds, as the Settings page shows it. */
export interface BookSummary {
  clients: number;
  products: number;
  interactions: number;
  meetings: number;
  marketSnapshots: number;
}

/** Whole-book operations: the demo data and the advisor's "erase everything". */
export interface BookMaintenance {
  summary(): BookSummary;
  /** True when there is nothing a user could lose: no clients and no products. */
  isEmpty(): boolean;
  /** Loads a generated book in one transaction. */
  seed(data: DemoData): void;
  /** Empties every business table (settings and the audit trail stay) and records the wipe in the audit trail. */
  wipe(meta: ChangeMeta): void;
}

/**
 * What an import reads and writes. Every method is meant to run inside one `Transactions.writeInSteps`: the checks
 * for what is already stored see the same state the writes change, so two imports of one file cannot both pass.
 */
export interface ImportStore {
  existingClientIds(ids: Iterable<string>): Set<string>;
  existingProductIds(ids: Iterable<string>): Set<string>;
  existingHoldingIds(ids: Iterable<string>): Set<string>;
  existingInteractionIds(ids: Iterable<string>): Set<string>;
  existingMarketDates(dates: Iterable<string>): Set<string>;
  insertClients(clients: readonly NewClient[], actor: string): void;
  /** Merges attributes into stored clients' custom attributes, with an audit entry each; returns how many changed. */
  mergeClientAttributes(updates: ReadonlyMap<string, CustomAttributes>, meta: ChangeMeta): number;
  /** Adds new products and replaces stored ones (a corrected catalogue wins), with an audit entry each. */
  putProducts(products: readonly Product[], meta: ChangeMeta): { created: number; updated: number };
  mergeProductAttributes(updates: ReadonlyMap<string, CustomAttributes>, meta: ChangeMeta): number;
  insertHoldings(holdings: readonly Holding[]): void;
  insertInteractions(interactions: readonly Interaction[]): void;
  /** A stored day is replaced by the file's figures. */
  putMarketSnapshots(snapshots: readonly MarketSnapshot[]): void;
  /** One audit entry for the whole file, naming it by its SHA-256. */
  auditBatch(
    entry: { file: string; sha256: string; kind: string; summary: Record<string, unknown> } & ChangeMeta,
  ): void;
}

export interface Transactions {
  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  write<T>(work: () => T): T;
  /**
   * One write transaction over several steps, for a long write that must stay cancellable: `work` calls `step()`
   * between chunks, which lets the process handle other events (a signal, a request) and throws
   * `DomainError('cancelled')` once `signal` has aborted. Nothing commits unless `work` resolves and the signal has
   * not aborted by then. While it runs, other writes on the same store are refused as busy rather than joined to it.
   * Waits for another process's write as `write` does; when that wait runs out, `DomainError('busy')`.
   */
  writeInSteps<T>(
    work: (step: () => Promise<void>) => Promise<T>,
    signal?: AbortSignal,
    /** Called once if the write has to wait for another writer, so the user hears why nothing moves. */
    onWait?: () => void,
  ): Promise<T>;
}

export interface Stores {
  clients: ClientStore;
  products: ProductStore;
  holdings: HoldingStore;
  interactions: InteractionStore;
  impressions: ImpressionStore;
  meetings: MeetingStore;
  market: MarketStore;
  ruleSets: RuleSetStore;
  deviations: DeviationStore;
  modelVersions: ModelVersionStore;
  settings: SettingsStore;
  training: TrainingSource;
  book: BookMaintenance;
  imports: ImportStore;
  transactions: Transactions;
}
