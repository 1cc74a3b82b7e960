/**
 * Writes advice without pause until it is killed: for one client after another it shows a ranking, records it as
 * presented, drafts a template pitch and either approves it or submits it for review, which the reviewer signs in to
 * approve (every other cycle), and corrects the presented record. The kill test runs it as a child process
 * and cuts it off with SIGKILL at random moments. Usage: tsx test/tooling/advice-writer.ts DATA_DIR FIRST_CLIENT
 */
import type { ClientRanking, PitchDraftView } from '../../app/contract';
import { dispatch } from '../../app/contract/dispatch';
import { openBackend } from '../../main/backend/open-backend';

const [dataDir, firstClient] = process.argv.slice(2);
if (!dataDir || !firstClient) throw new Error('usage: advice-writer DATA_DIR FIRST_CLIENT');

const backend = openBackend({
  user: { firstActiveAdministrator: true },
  dataDir,
  mode: 'browser',
  languageEngine: 'in-process',
});
const done = new Map<string, () => void>();
backend.subscribe((event, payload) => {
  if (event === 'pitch:done') done.get((payload as { requestId: string }).requestId)?.();
});

async function value<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(backend.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

let n = Number(firstClient);
for (;;) {
  const clientId = `CL-${String((n++ % 200) + 1).padStart(4, '0')}`;
  const ranking = await value<ClientRanking>('recommendations:for-client', { clientId, top: 3, shownOn: 'app' });
  const product = ranking.ranked[0];
  if (!product) continue;
  const presented = await value<{ id: string }>('records:present-ranking', {
    impressionId: ranking.impressionId,
    note: 'kill test',
  });
  const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
    clientId,
    productId: product.productId,
    source: 'template',
    settings: { language: 'en' },
  });
  await new Promise<void>((resolve) => done.set(started.requestId, resolve));
  const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
  const version = draft.versions.at(-1)!.version;
  if (n % 2 === 0) await value('pitch:approve', { draftId: started.draftId, version });
  else {
    // Four eyes: the author hands it over, the reviewer signs in, scores and approves it, the author signs back in.
    await value('pitch:submit-review', { draftId: started.draftId, version });
    await value('users:sign-in', { id: 'REV-01' });
    await value('pitch:review', {
      draftId: started.draftId,
      version,
      decision: 'approve',
      rubric: { accuracy: 5, suitability: 5, clarity: 4, compliance: 5 },
      comment: '',
    });
    await value('users:sign-in', { id: 'ADV-03' });
  }
  await value('records:correct', {
    id: presented.id,
    reason: 'The kill test corrects every record it presents.',
    changes: [{ field: 'presentation.note', was: 'kill test', now: 'kill test, corrected' }],
  });
  process.stdout.write(`cycle ${clientId}\n`);
}
