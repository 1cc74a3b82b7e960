import { z } from 'zod';
import { auditEvents } from './audit-channels';
import { RetrainStatusSchema } from './engine-channels';
import { llmEvents } from './llm-channels';
import { pitchEvents } from './pitch-channels';
import { recordEvents } from './record-channels';
import { preparationEvents } from './preparation-channels';

/** Events the backend pushes to the renderer without being asked. */
export const events = {
  /** Something changed behind the renderer's back (another window, the CLI, a reset): refetch what shows it. */
  'data:changed': z.object({
    entity: z.enum([
      'clients',
      'products',
      'meetings',
      'settings',
      'interactions',
      'model',
      'rules',
      'deviations',
      /** Users, the signed-in user, pitch reviews and the review policy. */
      'users',
      'records',
      'all',
    ]),
    id: z.string().optional(),
  }),
  /**
   * A retrain with language-model signals working them out: clients done of those with recorded
   * outcomes. Sent about twice a second at most, and once more when all are done.
   */
  'model:signals-progress': z.object({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    file: z.string(),
  }),
  /**
   * A retrain asked through 'model:retrain' started, or ended however it ended (stored, failed, cancelled), and this
   * is what 'model:retrain-status' answers now: every open window follows it. Progress in between comes as
   * 'model:signals-progress'.
   */
  'model:retrain-state': RetrainStatusSchema.nullable(),
  /** The native menu asked for a page (Go to Clients, New client, …). */
  'app:navigate': z.object({ route: z.enum(['clients', 'clients/new', 'products', 'meetings', 'models', 'settings']) }),
  ...llmEvents,
  ...pitchEvents,
  ...auditEvents,
  ...recordEvents,
  ...preparationEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
