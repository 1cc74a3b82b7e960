import path from 'node:path';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { EventPayload } from '../../app/contract/events';
import type { AgendaMeeting } from '../../app/contract/meeting-channels';
import { DomainError } from '../../app/domain/domain-error';
import { systemTimeZone, zonedDayRange } from '../../app/meetings/day-range';
import { renderMessage } from '../../app/messages';
import { createPrepareMeetings, type DraftMade } from '../../app/use-cases/prepare-meetings';
import { getClient } from '../db/client-repository';
import { meetingsBetween, meetingsById, preparationStore } from '../db/preparation-repository';
import type { BackendContext } from './backend-context';
import { pitchDraftingOf } from './pitch-handlers';
import { getSettings } from '../db/settings-repository';
import { loadMeetingPack } from './meeting-pack-loader';
import { meetingPacksDirOf } from './meeting-packs-dir';
import { writeMeetingPack } from './preparation-pack';

type PreparationChannel = Extract<keyof HandlerTable, `prepare:${string}`>;
type RankChannel = HandlerTable['recommendations:for-client'];
type PitchDone = EventPayload<'pitch:done'>;

export interface PreparationOptions {
  /** Caps each draft's answer (tests and benchmarks keep generations short). */
  maxAnswerTokens?: number;
}

/** Rankings are asked for this many products, as the client page shows them; the job drafts its top few. */
const RANKING_TOP = 20;

/**
 * Batch preparation wired to this backend: the client page's ranking (logged as a batch impression), drafting on
 * the backend's language engine (the loaded model, else the template), and the pack written into the job's folder.
 */
export function preparationHandlers(
  ctx: BackendContext,
  rankChannel: RankChannel,
  options: PreparationOptions = {},
): {
  handlers: Pick<HandlerTable, PreparationChannel>;
  /** The agenda's meetings with how far each one's preparation has got. */
  withStatus(meetings: AgendaMeeting[]): AgendaMeeting[];
  close(): void;
} {
  const { db } = ctx;
  const waiting = new Map<string, (done: PitchDone) => void>();
  const early = new Map<string, PitchDone>();
  const drafting = pitchDraftingOf(ctx, {
    // A batch's text is not streamed to the windows: they follow the job's progress instead.
    emit: (event: 'pitch:delta' | 'pitch:done', payload: unknown) => {
      if (event !== 'pitch:done') return;
      const done = payload as PitchDone;
      const resolve = waiting.get(done.requestId);
      if (resolve) resolve(done);
      else early.set(done.requestId, done);
    },
    ...(options.maxAnswerTokens !== undefined ? { maxAnswerTokens: options.maxAnswerTokens } : {}),
  });

  function clientOf(clientId: string) {
    const client = getClient(db, clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    return client;
  }

  async function draft(clientId: string, productId: string, signal: AbortSignal): Promise<DraftMade> {
    const client = clientOf(clientId);
    const loaded = ctx.llm.current();
    const started = await drafting.start({
      clientId,
      productId,
      settings: { language: client.language, tone: 'warm', length: 'medium' },
      source: 'auto',
    });
    const stop = () => drafting.stop(started.requestId);
    signal.addEventListener('abort', stop, { once: true });
    try {
      const done =
        early.get(started.requestId) ??
        (await new Promise<PitchDone>((resolve) => waiting.set(started.requestId, resolve)));
      return {
        draftId: done.version === null ? null : done.draftId,
        version: done.version,
        source: started.source,
        file: started.source === 'model' && loaded ? path.basename(loaded.path) : null,
        error: done.error ? renderMessage(done.error, 'en') : done.outcome === 'failed' ? 'drafting failed' : null,
        stopped: done.outcome === 'stopped' && done.version === null,
      };
    } finally {
      signal.removeEventListener('abort', stop);
      waiting.delete(started.requestId);
      early.delete(started.requestId);
    }
  }

  const preparation = createPrepareMeetings({
    store: preparationStore(db),
    meetingsOf: (ids) => meetingsById(db, ids),
    async rank(clientId, top) {
      const ranking = await rankChannel({ clientId, top: RANKING_TOP, languageModel: 'use', shownOn: 'batch' });
      return { impressionId: ranking.impressionId, productIds: ranking.ranked.slice(0, top).map((p) => p.productId) };
    },
    draft,
    async writePack(job, item) {
      // The ranking as the pack shows it; asked again without being logged (the job's impression is the one shown).
      const ranking = await rankChannel({ clientId: item.clientId, top: RANKING_TOP, languageModel: 'use' });
      const data = await loadMeetingPack(
        db,
        { clientId: item.clientId, meetingId: item.meetingId },
        { now: ctx.nowIso(), ranking, timeZone: getSettings(db).timeZone },
      );
      return writeMeetingPack(job, item, data);
    },
    emit: (view) => ctx.emit('prepare:progress', view),
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    clock: ctx.clock,
    ids: ctx.ids,
    get actor() {
      return ctx.actor;
    },
  });
  preparation.recoverInterrupted();

  return {
    handlers: {
      'prepare:start': ({ meetingIds, date, timeZone, advisorId, top, outDir }) => {
        let meetings;
        let label;
        if (date !== undefined) {
          const range = zonedDayRange(date, timeZone ?? systemTimeZone());
          meetings = meetingsBetween(db, range.from, range.to, advisorId);
          label = date;
        } else {
          meetings = meetingsById(db, meetingIds ?? [], { scheduled: true });
          if (meetings.length !== new Set(meetingIds).size)
            throw new DomainError('not_found', 'One of the meetings to prepare does not exist or was cancelled.');
          label = meetings[0]!.startsAt.slice(0, 10);
        }
        if (meetings.length === 0)
          throw new DomainError('not_found', `There are no meetings to prepare on ${date ?? 'the days asked'}.`);
        return preparation.start({
          meetings,
          label,
          top,
          outDir: (jobId) =>
            outDir !== undefined
              ? path.resolve(outDir)
              : path.join(meetingPacksDirOf(ctx.dataDir), `${label}-${jobId}`),
        });
      },
      'prepare:pause': ({ jobId }) => preparation.pause(jobId),
      'prepare:resume': ({ jobId }) => preparation.resume(jobId),
      'prepare:cancel': ({ jobId }) => preparation.cancel(jobId),
      'prepare:jobs': ({ limit }) => preparation.list(limit),
      // Only the desktop app can open a file manager; its main process answers this channel before it gets here.
      'prepare:show-folder': () => ({ shown: false }),
    },
    withStatus(meetings) {
      const status = preparation.statusByMeeting(meetings.map((m) => m.id));
      return meetings.map((m) => {
        const found = status.get(m.id);
        return found ? { ...m, preparation: { status: found } } : m;
      });
    },
    close: () => preparation.close(),
  };
}
