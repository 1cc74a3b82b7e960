import { z } from 'zod';

/**
 * Frames of the browser-mode socket. The page sends requests tagged with an id;
 * the server answers each with the same id, and pushes events untagged.
 */
export const SocketRequestSchema = z
  .object({
    id: z.number().int().min(0),
    channel: z.string().max(100),
    input: z.unknown(),
  })
  .strict();
export type SocketRequest = z.infer<typeof SocketRequestSchema>;

export type SocketServerFrame =
  | {
      type: 'result';
      id: number;
      result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'protocol-error'; message: string };

/** Largest frame the server accepts; a client profile with notes is a few kilobytes. */
export const MAX_SOCKET_FRAME_BYTES = 1024 * 1024;
