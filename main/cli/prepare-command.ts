import fs from 'node:fs';
import path from 'node:path';
import type { PreparationJobView } from '../../app/contract/preparation-channels';
import type { LlmStatus } from '../../app/contract/llm-channels';
import type { Result } from '../../app/contract/result';
import { isKnownTimeZone, systemTimeZone } from '../../app/meetings/day-range';
import type { BackendConnection } from '../host/backend-connection';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';

/** `advisor-desk prepare`: a day's meetings prepared headless, as the agenda's "Prepare the day" does. */

export const PREPARE_USAGE =
  'advisor-desk prepare --date YYYY-MM-DD [--advisor ID] [--model FILE] [--top N] --out DIR [--json]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface PrepareCommand {
  date?: string | undefined;
  advisor?: string | undefined;
  model?: string | undefined;
  top?: string | undefined;
  out?: string | undefined;
  json: boolean;
}

/** "[3/10] 2 ready, 1 failed, preparing C-0042" */
function progressLine(view: PreparationJobView): string {
  const working = view.items.find((i) => i.status === 'working');
  const failed = view.failed > 0 ? `, ${view.failed} failed` : '';
  return `[${view.done + view.failed}/${view.total}] ${view.done} ready${failed}${working ? `, preparing ${working.clientId}` : ''}`;
}

function engineLine(view: PreparationJobView): string {
  if (view.engine?.kind === 'model') return `Drafted with model ${view.engine.file}`;
  if (view.engine?.kind === 'template') return 'Drafted from templates: no language model loaded';
  return 'No drafts were needed';
}

async function value<T>(backend: BackendConnection, channel: string, input: unknown): Promise<T> {
  const r: Result<unknown> = await backend.invoke(channel, input);
  if (r.ok) return r.value as T;
  if (r.error.code === 'not_found') throw new CliError(EXIT.notFound, r.error.message);
  if (r.error.code === 'validation' || r.error.code === 'bad_request') throw new CliError(EXIT.usage, r.error.message);
  throw new CliError(EXIT.other, r.error.message);
}

/** The advisor's time zone: the app's setting where there is one, else the machine's. */
async function timeZoneOf(backend: BackendConnection): Promise<string> {
  const settings = await backend.invoke('settings:get', {});
  const zone = settings.ok ? (settings.value as { timeZone?: unknown }).timeZone : undefined;
  return typeof zone === 'string' && zone !== '' && isKnownTimeZone(zone) ? zone : systemTimeZone();
}

/**
 * Loads the model if one is named, starts the day's preparation, prints a progress line (rewritten in place on a
 * terminal, one line per finished client elsewhere) and ends with what was written. Exit 1 when a client could not
 * be prepared, 3 when the day has no meetings, 130 on Ctrl-C (the job is cancelled; finished packs stay).
 */
export async function runPrepare(io: CliIo, backend: BackendConnection, c: PrepareCommand): Promise<void> {
  if (!c.date || !DAY.test(c.date)) throw usageError(`--date must be a day (YYYY-MM-DD). Usage: ${PREPARE_USAGE}`);
  if (!c.out) throw usageError(`--out DIR is required. Usage: ${PREPARE_USAGE}`);
  const top = c.top === undefined ? 3 : Number(c.top);
  if (!Number.isInteger(top) || top < 1 || top > 10)
    throw usageError(`--top must be a whole number from 1 to 10, got "${c.top}".`);
  const outDir = path.resolve(c.out);

  if (c.model !== undefined) {
    const modelPath = path.resolve(c.model);
    if (!fs.existsSync(modelPath)) throw new CliError(EXIT.notFound, `No model file at ${modelPath}.`);
    const loaded = await backend.invoke('llm:load', { path: modelPath });
    if (!loaded.ok) throw new CliError(EXIT.inputRefused, loaded.error.message);
    const status = loaded.value as LlmStatus;
    if (status.state !== 'loaded')
      throw new CliError(EXIT.inputRefused, `${path.basename(modelPath)} was not loaded (${status.state}).`);
    if (!c.json)
      io.stderr(`Loaded ${path.basename(modelPath)} on ${status.backend === 'cpu' ? 'the CPU' : status.backend}.\n`);
  }

  const timeZone = await timeZoneOf(backend);
  let jobId = '';
  let lastDone = -1;
  let finished: (view: PreparationJobView) => void = () => undefined;
  const ended = new Promise<PreparationJobView>((resolve) => (finished = resolve));
  const pending: PreparationJobView[] = [];
  const onView = (view: PreparationJobView) => {
    if (!c.json) {
      if (io.stderrIsTerminal) io.stderr(`\r${progressLine(view)}\x1b[K`);
      else if (view.done + view.failed !== lastDone) io.stderr(`${progressLine(view)}\n`);
      lastDone = view.done + view.failed;
    }
    if (view.state !== 'running' && view.state !== 'paused') finished(view);
  };
  const unsubscribe = backend.subscribe((event, payload) => {
    if (event !== 'prepare:progress') return;
    const view = payload as PreparationJobView;
    if (jobId === '') pending.push(view);
    else if (view.id === jobId) onView(view);
  });
  const unlisten = io.onInterrupt?.(() => {
    if (jobId !== '') void backend.invoke('prepare:cancel', { jobId });
  });
  try {
    const started = await value<PreparationJobView>(backend, 'prepare:start', {
      date: c.date,
      timeZone,
      ...(c.advisor !== undefined ? { advisorId: c.advisor } : {}),
      top,
      outDir,
    });
    jobId = started.id;
    if (!c.json)
      io.stderr(
        `Preparing ${started.total} client${started.total === 1 ? '' : 's'} with meetings on ${c.date} (${timeZone}) into ${outDir}\n`,
      );
    for (const view of pending.splice(0)) if (view.id === jobId) onView(view);
    const end = await ended;
    if (!c.json && io.stderrIsTerminal) io.stderr('\n');
    if (c.json) io.stdout(`${JSON.stringify(end, null, 2)}\n`);
    else {
      io.stdout(
        `${end.state === 'completed' ? 'Prepared' : 'Cancelled after preparing'} ${end.done} of ${end.total} clients into ${end.outDir}. ${engineLine(end)}.\n`,
      );
      for (const item of end.items)
        io.stdout(
          `  ${item.clientId}  ${item.status.padEnd(7)}  drafts ${item.drafts.filter((d) => d.version !== null).length}/${item.draftsWanted ?? '-'}  ${item.packFile ?? item.error ?? ''}\n`,
        );
    }
    if (end.state === 'cancelled') throw new CliError(EXIT.cancelled, 'Cancelled: the packs finished so far are kept.');
    if (end.failed > 0) throw new CliError(EXIT.other, `${end.failed} client(s) could not be prepared (listed above).`);
  } finally {
    unlisten?.();
    unsubscribe();
  }
}
