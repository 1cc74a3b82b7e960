import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../main/engine/engine-client';
import { relayedEngine, type EngineRelayLink, type RelayPort } from '../../../main/engine/relayed-engine';
import type { EngineRelayNotice, EngineRelayRequest } from '../../../main/engine/engine-protocol';
import { testLoraPath, testModelPath } from '../../fixtures/test-models';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const host = path.join(root, 'main', 'engine', 'engine-host.ts');

/** Node's MessagePort in the shape of Electron's MessagePortMain (messages as events with `data`). */
function asRelayPort(port: MessagePort): RelayPort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: (_event, listener) => void port.on('message', (data: unknown) => listener({ data })),
    start: () => port.start(),
    close: () => port.close(),
  };
}

/**
 * Plays the Electron main process: starts an engine when asked (here a Node child process of the engine host),
 * joins it to the backend's side by a message channel, kills it when asked and says when it ended. What is under
 * test is the backend's half, relayedEngine, with the real engine behind it.
 */
function fakeMain() {
  const children = new Map<number, ChildProcess>();
  let notify: (notice: EngineRelayNotice, port: RelayPort | undefined) => void = () => undefined;
  const starts: number[] = [];
  const link: EngineRelayLink = {
    post: (request: EngineRelayRequest) => {
      if (request.type === 'engine:kill') return void children.get(request.id)?.kill('SIGKILL');
      starts.push(request.id);
      const child = fork(host, [], {
        execArgv: ['--import', 'tsx'],
        serialization: 'advanced',
        env: { ...process.env, UV_THREADPOOL_SIZE: '1', ADVISOR_DESK_LLM_THREADS: '1' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.set(request.id, child);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (message: unknown) => child.connected && child.send(message as object));
      child.on('message', (message) => port1.postMessage(message));
      child.once('exit', (code, signal) => {
        port1.close();
        notify(
          { type: 'engine:exit', id: request.id, how: signal ? `killed by ${signal}` : `exit code ${code}` },
          undefined,
        );
      });
      // The port arrives a little later than the request, as it does across processes.
      setTimeout(() => notify({ type: 'engine:port', id: request.id }, asRelayPort(port2)), 50);
    },
    onNotice: (listener) => {
      notify = listener;
    },
  };
  return { link, children, starts };
}

describe('an engine started by another process and reached through a port (the desktop app layout)', () => {
  const main = fakeMain();
  const engine = new EngineClient(relayedEngine(main.link));
  afterAll(() => engine.dispose());

  it('loads and generates through the port, whatever was sent before the port arrived', async () => {
    const loaded = await engine.load({ path: await testModelPath(), gpuLayers: 0, contextSize: 'auto' });
    expect(loaded.status.state).toBe('loaded');
    const chunks: string[] = [];
    const result = await engine.generate(
      { prompt: { format: 'plain', text: 'Hello' }, maxTokens: 6, temperature: 0 },
      { onText: (chunk) => chunks.push(chunk) },
    );
    expect(result.tokens).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(result.text);
    expect(main.starts).toEqual([1]);
  }, 120_000);

  it('a LoRA adapter asked for through the port is applied, and the loaded model names it', async () => {
    const adapter = await testLoraPath();
    const loaded = await engine.load({
      path: await testModelPath(),
      gpuLayers: 0,
      contextSize: 'auto',
      lora: { path: adapter, scale: 2 },
    });
    expect(loaded.status.lora).toMatchObject({ path: adapter, scale: 2 });
    expect(loaded.loaded?.lora).toMatchObject({ file: path.basename(adapter), scale: 2 });
  }, 120_000);

  it('an engine that dies is reported to what waited, and the next request asks for a new one', async () => {
    // Killed as the first text arrives, so the engine is mid-generation whatever the CPU's speed (a fixed wait let
    // a fast machine finish: a random-weights model can reach its end-of-text token within a few hundred tokens).
    let killed = false;
    const running = engine.generate(
      { prompt: { format: 'plain', text: 'Once' }, maxTokens: 4000, temperature: 0.7 },
      {
        onText: () => {
          if (killed) return;
          killed = true;
          main.children.get(1)!.kill('SIGKILL');
        },
      },
    );
    await expect(running).rejects.toThrow(/language engine stopped unexpectedly \(killed by SIGKILL\)/);
    await expect(engine.countTokens(['hello'])).rejects.toThrow(/No language model is loaded/);
    expect(main.starts).toEqual([1, 2]);
  }, 120_000);
});
