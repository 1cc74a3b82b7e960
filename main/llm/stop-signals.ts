import type { StopSignal } from '../../app/ports/stop-signal';

/** A real AbortSignal that follows a port's StopSignal, for node-llama-cpp; release() stops following it. */
export function abortSignalOf(stop: StopSignal | undefined): { signal: AbortSignal; release: () => void } {
  if (stop instanceof AbortSignal) return { signal: stop, release: () => undefined };
  const controller = new AbortController();
  if (!stop) return { signal: controller.signal, release: () => undefined };
  if (stop.aborted) {
    controller.abort();
    return { signal: controller.signal, release: () => undefined };
  }
  const onAbort = () => controller.abort();
  stop.addEventListener('abort', onAbort);
  return { signal: controller.signal, release: () => stop.removeEventListener('abort', onAbort) };
}

/** Throws like AbortSignal.throwIfAborted, for a StopSignal that may not be an AbortSignal. */
export function throwIfStopped(stop: StopSignal | undefined): void {
  if (!stop?.aborted) return;
  if (stop instanceof AbortSignal) stop.throwIfAborted();
  throw new DOMException('This operation was aborted', 'AbortError');
}
