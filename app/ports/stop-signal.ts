/**
 * The part of an AbortSignal a use-case needs. app/ compiles without DOM or Node types, so it names the shape
 * itself; a Node or browser AbortSignal fits it as it is.
 */
export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Makes StopSignals where app/ has no AbortController: stop() tells every listener once. */
export class StopSource implements StopSignal {
  private stopped = false;
  private readonly listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.stopped;
  }

  get signal(): StopSignal {
    return this;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.stopped) return;
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }
}
