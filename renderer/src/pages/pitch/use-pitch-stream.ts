import { useCallback, useRef, useState } from 'react';
import type { ChannelInput, EventPayload } from '../../../../app/contract';
import type { Message } from '../../../../app/messages';
import { call } from '../../api/call';
import { useBridgeEvent } from '../../api/use-bridge-event';

type Done = EventPayload<'pitch:done'>;

export interface PitchStream {
  phase: 'idle' | 'starting' | 'streaming' | 'finished';
  requestId: string | null;
  draftId: string | null;
  source: 'model' | 'template' | null;
  /** The raw text so far, exactly as the model (or the template) wrote it. */
  text: string;
  outcome: Done['outcome'] | null;
  version: number | null;
  error: Message | null;
}

const IDLE: PitchStream = {
  phase: 'idle',
  requestId: null,
  draftId: null,
  source: null,
  text: '',
  outcome: null,
  version: null,
  error: null,
};

/** Events that arrived for a request whose id the start call has not returned yet (the template is that quick). */
interface Early {
  text: string;
  done: Done | null;
}

/**
 * One running pitch draft: starts it, follows its 'pitch:delta' text and its 'pitch:done', and stops it. Events of
 * other requests (another window's draft) are ignored; events that race ahead of the start answer are kept until it
 * names the request they belong to.
 */
export function usePitchStream(onFinished: (done: Done) => void): {
  stream: PitchStream;
  start(input: ChannelInput<'pitch:start'>): Promise<void>;
  stop(): Promise<void>;
} {
  const [stream, setStream] = useState<PitchStream>(IDLE);
  const current = useRef<string | null>(null);
  const starting = useRef(false);
  const early = useRef(new Map<string, Early>());
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  const finish = useCallback((done: Done) => {
    current.current = null;
    setStream((s) => ({ ...s, phase: 'finished', outcome: done.outcome, version: done.version, error: done.error }));
    onFinishedRef.current(done);
  }, []);

  // Events of a request whose id the start call has not returned yet are kept for it.
  const kept = (requestId: string): Early => {
    const entry = early.current.get(requestId) ?? { text: '', done: null };
    early.current.set(requestId, entry);
    return entry;
  };
  useBridgeEvent('pitch:delta', (payload) => {
    const from = (text: string) => (payload.restart ? '' : text) + payload.delta;
    if (payload.requestId === current.current) setStream((s) => ({ ...s, text: from(s.text) }));
    else if (starting.current) kept(payload.requestId).text = from(kept(payload.requestId).text);
  });
  useBridgeEvent('pitch:done', (payload) => {
    if (payload.requestId === current.current) finish(payload);
    else if (starting.current) kept(payload.requestId).done = payload;
  });

  const start = useCallback(
    async (input: ChannelInput<'pitch:start'>) => {
      starting.current = true;
      early.current.clear();
      setStream({ ...IDLE, phase: 'starting' });
      try {
        const started = await call('pitch:start', input);
        const kept = early.current.get(started.requestId);
        current.current = started.requestId;
        setStream({
          ...IDLE,
          phase: 'streaming',
          requestId: started.requestId,
          draftId: started.draftId,
          source: started.source,
          text: kept?.text ?? '',
        });
        if (kept?.done) finish(kept.done);
      } catch (error) {
        setStream(IDLE);
        throw error;
      } finally {
        starting.current = false;
        early.current.clear();
      }
    },
    [finish],
  );

  const stop = useCallback(async () => {
    const requestId = current.current;
    if (requestId) await call('pitch:stop', { requestId });
  }, []);

  return { stream, start, stop };
}
