import { performance } from 'node:perf_hooks';
import { APP_VERSION } from '../app-version';
import { errorClass, openAppLog, setCurrentAppLog, type AppLog } from './app-log';

export interface SessionLog {
  readonly log: AppLog;
  /** The app is serving: logs the time since the process started. */
  ready(): void;
  /** Start-up failed: logs the error's class only. */
  failed(error: unknown): void;
  stop(): void;
}

/**
 * Opens the support log for one run of the desktop app or browser mode, makes it the process's log (so internal
 * errors land there too) and writes the start line: version, mode, platform and runtime, nothing about the data.
 */
export function startSessionLog(options: { dataDir: string; mode: 'electron' | 'browser' }): SessionLog {
  const log = openAppLog({ dataDir: options.dataDir });
  setCurrentAppLog(log);
  const component = options.mode === 'electron' ? 'app' : 'web';
  const runtime = process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`;
  log.info(
    component,
    `start: Advisor Desk ${APP_VERSION}, ${options.mode} mode, ${process.platform}-${process.arch}, ${runtime}`,
  );
  return {
    log,
    ready: () => log.info(component, `ready after ${Math.round(performance.now())} ms`),
    failed: (error) => log.error(component, `start failed: ${errorClass(error)}`),
    stop: () => log.info(component, `stop after ${Math.round(performance.now() / 1000)} s`),
  };
}
