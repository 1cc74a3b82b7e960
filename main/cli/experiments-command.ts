import type { ExperimentResultsView, ExperimentView } from '../../app/contract/experiment-channels';
import type { Result } from '../../app/contract/result';
import type { BackendConnection } from '../host/backend-connection';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';

export const EXPERIMENTS_USAGE = 'advisor-desk experiments list|results ID [--json]';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const interval = (i: { low: number; high: number }) => `[${pct(i.low)}, ${pct(i.high)}]`;

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value as T;
  if (r.error.code === 'not_found') throw new CliError(EXIT.notFound, r.error.message);
  throw new CliError(EXIT.other, r.error.message);
}

/** Plain-text verdicts for the terminal, matching the page's wording. */
function verdictLine(v: ExperimentResultsView['report']['verdict']): string {
  switch (v.kind) {
    case 'no-data':
      return 'No results yet: every arm needs clients who were shown something under it.';
    case 'not-yet':
      return `No difference can be claimed yet (${v.clients} of ${v.needed} planned clients in the smallest arm).`;
    case 'claim-early':
      return `Arm ${v.arm} converts ${v.direction} than ${v.control} (always-valid interval excludes no difference).`;
    case 'claim-planned':
      return `Arm ${v.arm} converts ${v.direction} than ${v.control} at the planned sample size.`;
    case 'no-difference-planned':
      return 'Planned sample reached; no arm differs from the control by a detectable difference.';
  }
}

/** `experiments list` and `experiments results ID`: what the Experiments page shows, for scripts and terminals. */
export async function runExperiments(
  io: CliIo,
  backend: BackendConnection,
  request: { sub: string | undefined; rest: readonly string[]; json: boolean },
): Promise<void> {
  if (request.sub === 'list') {
    if (request.rest.length > 0)
      throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${EXPERIMENTS_USAGE}`);
    const list = await value<ExperimentView[]>(backend.invoke('experiments:list', {}));
    if (request.json) return io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    if (list.length === 0) return io.stdout('No experiments.\n');
    for (const e of list)
      io.stdout(
        `${e.id}  ${e.status.padEnd(8)} ${e.kind.padEnd(15)} ${e.name}  (${e.arms.map((a) => `${a.id} ${pct(a.share)}`).join(', ')})\n`,
      );
    return;
  }
  if (request.sub === 'results') {
    const [id, ...extra] = request.rest;
    if (!id || extra.length > 0) throw usageError(`Usage: ${EXPERIMENTS_USAGE}`);
    const results = await value<ExperimentResultsView>(backend.invoke('experiments:results', { id }));
    if (request.json) return io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    const { experiment, report } = results;
    io.stdout(`${experiment.name} (${experiment.id}, ${experiment.status})\n`);
    io.stdout('Conversion: share of an arm’s clients who accepted a product shown under the arm (once per client).\n');
    for (const a of report.arms)
      io.stdout(
        `  ${a.arm.padEnd(16)} ${String(a.successes).padStart(6)} / ${String(a.trials).padEnd(6)} ${a.rate === null ? '–' : pct(a.rate)} ${interval(a)}\n`,
      );
    for (const c of report.comparisons)
      io.stdout(
        `  ${c.arm} − ${c.control}: ${pct(c.fixed.difference)} ${interval(c.fixed)} p=${c.fixed.pValue.toPrecision(3)}; always-valid ${c.alwaysValid ? interval(c.alwaysValid) : '–'} (alpha ${c.alpha})\n`,
      );
    io.stdout(
      `  Planned: ${report.progress.neededPerArm} clients per arm; smallest arm has ${report.progress.smallestArm}.\n`,
    );
    io.stdout(`${verdictLine(report.verdict)}\n`);
    return;
  }
  throw usageError(`Usage: ${EXPERIMENTS_USAGE}`);
}
