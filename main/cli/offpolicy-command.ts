import { refusalMessage } from '../../app/analytics/off-policy-text';
import type { PolicyEstimatesView } from '../../app/contract/off-policy-channels';
import { renderMessage } from '../../app/messages';
import type { Result } from '../../app/contract/result';
import type { BackendConnection } from '../host/backend-connection';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { cliLanguage } from './cli-language';

export const OFFPOLICY_USAGE =
  'advisor-desk analytics offpolicy [--policy NAME] [--from DAY] [--to DAY] [--outcome accepted|interested] [--json]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `analytics offpolicy`: each candidate policy's (or the one named) estimated conversion per product shown, from the
 * rankings shown in [from, to): IPS, SNIPS and DR with 95% bootstrap intervals and the effective sample size, or the
 * reason it is not estimated. Exit 5 when the one policy named was refused, so a script can tell.
 */
export async function runOffPolicy(
  io: CliIo,
  request: {
    rest: readonly string[];
    json: boolean;
    policy?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    outcome?: string | undefined;
    lang?: string | undefined;
    open: () => Promise<BackendConnection>;
  },
): Promise<void> {
  if (request.rest.length > 0) throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${OFFPOLICY_USAGE}`);
  for (const [name, day] of [
    ['--from', request.from],
    ['--to', request.to],
  ] as const)
    if (day !== undefined && !DAY.test(day)) throw usageError(`${name} must be a day as YYYY-MM-DD; got "${day}".`);
  const outcome = request.outcome ?? 'accepted';
  if (outcome !== 'accepted' && outcome !== 'interested')
    throw usageError(`--outcome must be accepted or interested; got "${outcome}".`);
  const language = cliLanguage(request.lang);
  const backend = await request.open();
  let result: Result<unknown>;
  try {
    result = await backend.invoke('offpolicy:estimate', {
      outcome,
      ...(request.policy ? { policy: request.policy } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
    });
  } finally {
    await backend.close();
  }
  if (!result.ok)
    throw result.error.code === 'validation' || result.error.code === 'bad_request'
      ? usageError(result.error.message)
      : new CliError(EXIT.other, result.error.message);
  const view = result.value as PolicyEstimatesView;
  const refusals = view.policies.map((p) =>
    p.refusal ? renderMessage(refusalMessage(p.refusal, p.policy), language) : null,
  );
  if (request.json)
    io.stdout(
      `${JSON.stringify({ ...view, policies: view.policies.map((p, i) => ({ ...p, refusalText: refusals[i] })) })}\n`,
    );
  else {
    const outcomeText = renderMessage({ key: `offPolicy.outcome.${view.outcome}` }, language);
    const lines = [
      renderMessage({ key: 'offPolicy.cli.header', params: { outcome: outcomeText } }, language),
      renderMessage(
        { key: 'offPolicy.summary', params: { rankings: view.rankings, without: view.withoutPropensities } },
        language,
      ),
    ];
    view.policies.forEach((p, i) => {
      lines.push('', p.policy);
      if (p.refusal) lines.push(`  ${refusals[i]}`);
      for (const e of p.estimates)
        lines.push(
          `  ${renderMessage({ key: `offPolicy.estimator.${e.estimator}` }, language).padEnd(28)} ${pct(e.value)}  [${pct(e.interval.low)}, ${pct(e.interval.high)}]`,
        );
      if (!p.refusal && p.diagnostics)
        lines.push(
          `  ${renderMessage({ key: 'offPolicy.col.ess' }, language)}: ${renderMessage({ key: 'offPolicy.ess', params: { n: Math.round(p.diagnostics.effectiveSampleSize * 10) / 10 } }, language)}`,
        );
    });
    io.stdout(`${lines.join('\n')}\n`);
  }
  if (request.policy && view.policies[0]?.refusal)
    throw new CliError(EXIT.inputRefused, `no estimate for ${request.policy} (the reason is printed above).`);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}
