import type { Llama, LlamaContext, Token } from 'node-llama-cpp';

/** Milliseconds per generated token at one thread count, one entry per timed decode step. */
export interface DecodeSample {
  threads: number;
  msPerToken: number[];
}

export interface ThreadDecision {
  threads: number;
  /** Generated tokens per second at each count tried, medians of the timed steps. */
  tokensPerSecond: Record<number, number>;
  /** For the support log: which count won and by how much. */
  reason: string;
}

/** More threads must be at least this much faster to be worth a core the app could otherwise use. */
export const MIN_GAIN = 0.15;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The fewest threads whose median speed no larger count beats by MIN_GAIN or more. Medians, because one step that
 * waited for a core another program held should not decide the count for the session.
 */
export function decideThreads(samples: readonly DecodeSample[], minGain = MIN_GAIN): ThreadDecision {
  const usable = samples.filter((s) => s.msPerToken.length > 0).sort((a, b) => a.threads - b.threads);
  if (usable.length === 0) throw new Error('No decode steps were timed, so no thread count can be chosen.');
  const tokensPerSecond: Record<number, number> = {};
  for (const sample of usable) tokensPerSecond[sample.threads] = 1000 / median(sample.msPerToken);
  let best = usable[0]!.threads;
  for (const sample of usable.slice(1)) {
    if (tokensPerSecond[sample.threads]! >= tokensPerSecond[best]! * (1 + minGain)) best = sample.threads;
  }
  const figures = usable.map((s) => `${s.threads}: ${tokensPerSecond[s.threads]!.toFixed(1)} tok/s`).join(', ');
  return { threads: best, tokensPerSecond, reason: `measured ${figures}; chose ${best}` };
}

export interface CalibrationOptions {
  /** Thread counts to try; the context must have been made able to use the largest (withThreadCeiling). */
  candidates: readonly number[];
  /** Rounds over the candidates, interleaved so that a change of load affects every count alike. */
  rounds?: number;
  /** Timed decode steps per candidate and round. */
  steps?: number;
}

const WARM_UP_TEXT = 'The client is a retired teacher who wants a steady income from products with low risk.';

/**
 * Times single-token decodes at each candidate count on a scratch sequence of `context` (a few dozen tokens,
 * freed afterwards), switching counts through the instance's `maxThreads`, and leaves `maxThreads` at the count
 * chosen. About (rounds × steps × candidates) tokens: a second or two on a 0.5B model on a laptop CPU.
 */
export async function calibrateThreads(
  llama: Llama,
  context: LlamaContext,
  options: CalibrationOptions,
): Promise<ThreadDecision> {
  const candidates = [...new Set(options.candidates)].sort((a, b) => a - b);
  const rounds = options.rounds ?? 2;
  const steps = options.steps ?? 4;
  const samples = new Map<number, number[]>(candidates.map((threads) => [threads, []]));
  const sequence = context.getSequence();
  try {
    const model = context.model;
    const prompt = model.tokenize(WARM_UP_TEXT, false).slice(0, 24);
    if (prompt.length === 0) throw new Error('The model tokenized the calibration text to nothing.');
    await sequence.evaluateWithoutGeneratingNewTokens(prompt);
    let last: Token = prompt[prompt.length - 1]!;
    const room = context.contextSize - prompt.length - 2;
    const perStep = Math.max(1, Math.min(steps, Math.floor(room / Math.max(1, rounds * candidates.length))));
    let racing = candidates;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) racing = stillRacing(racing, samples);
      if (racing.length < 2) break;
      for (const threads of round % 2 === 0 ? racing : [...racing].reverse()) {
        llama.maxThreads = threads;
        for (let step = 0; step < perStep; step++) {
          const started = performance.now();
          const tokens = sequence.evaluate([last], { temperature: 0 });
          const next = await tokens.next();
          await tokens.return(undefined);
          samples.get(threads)!.push(performance.now() - started);
          if (!next.done && typeof next.value === 'number') last = next.value;
        }
      }
    }
  } finally {
    sequence.dispose();
  }
  const decision = decideThreads([...samples].map(([threads, msPerToken]) => ({ threads, msPerToken })));
  llama.maxThreads = decision.threads;
  return decision;
}

/**
 * Candidates still worth timing after a round: a count whose steps so far take over twice as long as the best's has
 * lost (on a busy machine a second thread can take a second a token, and more rounds of it only delay the load).
 */
function stillRacing(candidates: readonly number[], samples: Map<number, number[]>): number[] {
  const medians = new Map(candidates.map((threads) => [threads, median(samples.get(threads)!)]));
  const best = Math.min(...medians.values());
  return candidates.filter((threads) => medians.get(threads)! <= best * 2);
}

/**
 * When to measure again: the machine's load changes during a session (a video call starts, a build ends), and a
 * count chosen on a quiet machine stalls on a busy one. A generation that decodes at under `slowdown` of the first
 * generation after the last calibration, or a calibration older than `maxAgeMs`, asks for a new one before the
 * next generation.
 */
export class CalibrationSchedule {
  private reference: number | null = null;
  private measuredAt = Number.NEGATIVE_INFINITY;
  private stale = false;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly slowdown = 0.6,
    private readonly maxAgeMs = 10 * 60_000,
  ) {}

  calibrated(): void {
    this.measuredAt = this.now();
    this.reference = null;
    this.stale = false;
  }

  /** Decode speed of a finished generation (tokens after the first, per second). */
  observe(tokensPerSecond: number): void {
    if (!Number.isFinite(tokensPerSecond) || tokensPerSecond <= 0) return;
    if (this.reference === null) this.reference = tokensPerSecond;
    else if (tokensPerSecond < this.reference * this.slowdown) this.stale = true;
  }

  due(): boolean {
    return this.stale || this.now() - this.measuredAt > this.maxAgeMs;
  }
}
