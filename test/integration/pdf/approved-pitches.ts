import type { ClientRanking, PitchDraftView } from '../../../app/contract';
import type { ClientPage } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { backendCalls } from '../backend/backend-calls';

export interface ApprovedPitch {
  clientId: string;
  draftId: string;
  version: number;
  language: 'en' | 'zh-CN';
}

/**
 * A demo book in `dir` where an advisor looked at the ranking of the first clients and approved a template pitch
 * for each one's top product, in the languages given (one client each): the advice records a report is made from.
 */
export async function approvePitches(
  dir: string,
  now: Date,
  languages: readonly ('en' | 'zh-CN')[],
): Promise<{ backend: Backend; approved: ApprovedPitch[] }> {
  const backend = openBackend({ dataDir: dir, mode: 'browser', now: () => now, languageEngine: 'in-process' });
  const { value } = backendCalls(() => backend.handlers);
  const done = new Map<string, () => void>();
  backend.subscribe((event, payload) => {
    if (event === 'pitch:done') done.get((payload as { requestId: string }).requestId)?.();
  });
  const page = await value<ClientPage>('clients:list', { limit: 20 });
  const approved: ApprovedPitch[] = [];
  for (const c of page.rows) {
    const language = languages[approved.length];
    if (!language) break;
    const ranking = await value<ClientRanking>('recommendations:for-client', {
      clientId: c.id,
      top: 3,
      shownOn: 'app',
    });
    const product = ranking.ranked[0];
    if (!product) continue;
    const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
      clientId: c.id,
      productId: product.productId,
      source: 'template',
      settings: { language },
    });
    await new Promise<void>((resolve) => done.set(started.requestId, resolve));
    const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
    const version = draft.versions.at(-1)!.version;
    await value('pitch:approve', { draftId: started.draftId, version });
    approved.push({ clientId: c.id, draftId: started.draftId, version, language });
  }
  return { backend, approved };
}
