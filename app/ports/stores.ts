import type {
  Client,
  ClientListQuery,
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
import type { StoredModelMetrics } from '../domain/model-version';
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
}

export interface MeetingStore {
  upcoming(now: string, limit: number): Meeting[];
  forClient(clientId: string): Meeting[];
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
  /** Stores a version and makes it the active one. */
  insert(version: NewModelVersion): ModelVersionSummary;
  activate(version: number, meta: ChangeMeta): ModelVersionSummary | null;
  /** Saves what the live version learned from one more outcome; returns the new count. Call inside a write. */
  saveOnlineUpdate(version: number, params: unknown, at: string): number;
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

export interface Transactions {
  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  write<T>(work: () => T): T;
}

export interface Stores {
  clients: ClientStore;
  products: ProductStore;
  holdings: HoldingStore;
  interactions: InteractionStore;
  meetings: MeetingStore;
  market: MarketStore;
  ruleSets: RuleSetStore;
  deviations: DeviationStore;
  modelVersions: ModelVersionStore;
  settings: SettingsStore;
  training: TrainingSource;
  book: BookMaintenance;
  transactions: Transactions;
}
