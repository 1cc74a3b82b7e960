import type { LanguageModel } from '../../app/ports/language-model';
import type { ModelFileProber } from '../llm/file-probe';
import { ENGINE_METHODS, toWireError, type FromEngine, type ToEngine } from './engine-protocol';

export interface EngineChannel {
  send(message: FromEngine): void;
  onMessage(listener: (message: ToEngine) => void): void;
}

export interface ServedEngine {
  /**
   * Tells the client this process is ending (its native state can no longer be trusted) and why, in one message: the
   * client answers every call in flight with `error` and sends its next request to a fresh process. Nothing is
   * answered from here afterwards.
   */
  retire(reason: string, error: unknown): void;
}

/**
 * Serves a LanguageModel over a message channel: each call runs with its own AbortController, so an 'abort'
 * message stops exactly that call; text chunks and every change of state go back as messages.
 * `onDisposed` runs after a 'dispose' call has been answered.
 */
export function serveEngine(
  engine: LanguageModel & ModelFileProber,
  channel: EngineChannel,
  onDisposed: () => void,
): ServedEngine {
  const running = new Map<number, AbortController>();
  engine.onState((state) => channel.send({ kind: 'state', state }));

  async function run(id: number, method: ToEngine & { kind: 'call' }): Promise<void> {
    const abort = new AbortController();
    running.set(id, abort);
    const work = { signal: abort.signal };
    const [first] = method.args as [never];
    try {
      let value: unknown;
      switch (method.method) {
        case 'generate':
          value = await engine.generate(first, {
            ...work,
            onText: (chunk) => channel.send({ kind: 'text', id, chunk }),
          });
          break;
        case 'embed':
          value = await engine.embed(first, work);
          break;
        case 'chooseNext':
          value = await engine.chooseNext(first, work);
          break;
        case 'measureChoice':
          value = await engine.measureChoice(first);
          break;
        case 'countTokens':
          value = await engine.countTokens(first);
          break;
        case 'probeFile':
          value = await engine.probeFile(first, method.args[1] as never);
          break;
        case 'load':
          value = await engine.load(first);
          break;
        case 'status':
        case 'cancelLoad':
        case 'unload':
        case 'dispose':
          value = await engine[method.method]();
          break;
      }
      if (running.has(id)) channel.send({ kind: 'result', id, value });
    } catch (error) {
      if (running.has(id)) channel.send({ kind: 'error', id, error: toWireError(error) });
    } finally {
      running.delete(id);
    }
    if (method.method === 'dispose') onDisposed();
  }

  channel.onMessage((message) => {
    if (message.kind === 'abort') running.get(message.id)?.abort();
    else if (ENGINE_METHODS.includes(message.method)) void run(message.id, message);
  });

  return {
    retire(reason, error) {
      running.clear();
      channel.send({ kind: 'retiring', reason, error: toWireError(error) });
    },
  };
}
