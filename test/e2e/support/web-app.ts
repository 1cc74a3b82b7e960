import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export interface RunningWebApp {
  /** Address with the one-time launch token, as printed by `npm run web`. */
  url: string;
  origin: string;
  port: number;
  /** As a person would: reads the newest one-time address browser mode printed after one was opened. */
  nextAddress(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the real browser-mode backend (the built dist/main/web.mjs) on a data folder of the test's own. */
export async function startWebApp(dataDir: string, extraArgs: string[] = []): Promise<RunningWebApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, 'dist', 'main', 'web.mjs'), '--port', '0', '--data', dataDir, ...extraArgs],
    {
      cwd: projectRoot,
      env: { ...process.env, ADVISOR_DESK_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start within 60 s. Output:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with code ${code} before it was ready. Output:\n${output}`));
    });
  });
  const parsed = new URL(url);
  let handedOut = 0;
  const nextAddress = () =>
    new Promise<string>((resolve, reject) => {
      const printed = () => [...output.matchAll(/the next address: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/g)];
      const timer = setTimeout(() => reject(new Error(`no next address printed. Output:\n${output}`)), 10_000);
      const check = () => {
        const all = printed();
        if (all.length <= handedOut) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        handedOut = all.length;
        resolve(all[all.length - 1]![1] as string);
      };
      child.stdout?.on('data', check);
      check();
    });
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    nextAddress,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
