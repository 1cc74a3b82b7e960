import { DomainError } from '../domain/domain-error';
import type { ModelVersionStore } from '../ports';
import { liveModelFromParams, type LiveModel } from '../ranking/live-model';

export interface CachedModel {
  version: number;
  onlineUpdates: number;
  live: LiveModel;
}

/**
 * The live interest model, read from the store on first use and kept. Every use first reads the active version's
 * stamp (version and online-update count, one indexed row), so a rollback, a retrain from the CLI, a reset or a
 * wipe is picked up without anyone having to tell the cache.
 */
export class LiveModelCache {
  private cached: CachedModel | null = null;

  constructor(private readonly versions: ModelVersionStore) {}

  current(): CachedModel | null {
    const stamp = this.versions.activeStamp();
    if (!stamp) return (this.cached = null);
    const c = this.cached;
    if (c && c.version === stamp.version && c.onlineUpdates === stamp.onlineUpdates) return c;
    const stored = this.versions.active();
    if (!stored) return (this.cached = null);
    try {
      this.cached = {
        version: stored.summary.version,
        onlineUpdates: stored.summary.onlineUpdates,
        live: liveModelFromParams(stored.params),
      };
    } catch (error) {
      this.cached = null;
      throw new DomainError(
        'unavailable',
        `Model version ${stamp.version} cannot be read (${(error as Error).message}). Activate another version or retrain.`,
      );
    }
    return this.cached;
  }

  /** The in-memory model may differ from the store (a write failed after it learned): read it again next time. */
  forget(): void {
    this.cached = null;
  }

  /** The model in memory learned one more outcome and the store now says `onlineUpdates`. */
  learned(onlineUpdates: number): void {
    if (this.cached) this.cached.onlineUpdates = onlineUpdates;
  }
}
