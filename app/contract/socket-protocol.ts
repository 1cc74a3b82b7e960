import { z } from 'zod';

/**
 * Frames of the browser-mode socket. The page first says who it is (a hello), then sends requests tagged
 * with an id; the server answers each with the same id, and pushes events untagged.
 */
export const SocketRequestSchema = z
  .object({
    id: z.number().int().min(0),
    channel: z.string().max(100),
    input: z.unknown(),
  })
  .strict();
export type SocketRequest = z.infer<typeof SocketRequestSchema>;

/** Longest launch token or session credential the server reads; anything longer is refused unread. */
const MAX_CREDENTIAL_LENGTH = 200;

/**
 * The first frame on a socket, before anything else is answered: the one-time launch token from the printed
 * address (exchanged for a session), or the session a previous exchange gave this origin.
 */
export const SocketHelloSchema = z.union([
  z.object({ type: z.literal('hello'), launchToken: z.string().min(1).max(MAX_CREDENTIAL_LENGTH) }).strict(),
  z.object({ type: z.literal('hello'), session: z.string().min(1).max(MAX_CREDENTIAL_LENGTH) }).strict(),
]);
export type SocketHello = z.infer<typeof SocketHelloSchema>;

/**
 * Why a hello was refused. `launch-token-spent`: the address was opened before (or a newer one replaced it);
 * `launch-token-unknown`: not an address of this launch; `session-expired`: idle past the limit with no page
 * open; `session-unknown`: not a session of this launch (browser mode was restarted); `hello-expected`: the
 * first frame was something else.
 */
export type SocketRefusal =
  'launch-token-spent' | 'launch-token-unknown' | 'session-expired' | 'session-unknown' | 'hello-expected';

export type SocketServerFrame =
  | { type: 'welcome'; session?: string }
  | { type: 'refused'; reason: SocketRefusal }
  | {
      type: 'result';
      id: number;
      result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'protocol-error'; message: string };

/** Largest frame the server accepts; a client profile with notes is a few kilobytes. */
export const MAX_SOCKET_FRAME_BYTES = 1024 * 1024;
