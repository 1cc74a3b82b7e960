import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import { SIGN_IN_FIRST } from '../../app/users/permissions';
import { createMeetingUseCases } from '../../app/use-cases/manage-meetings';
import type { BackendContext } from './backend-context';

type MeetingChannel = 'meetings:range' | 'meetings:create' | 'meetings:move' | 'meetings:cancel';

/** The agenda: a day's or week's meetings, and booking, moving and cancelling one. */
export function meetingHandlers(ctx: BackendContext): Pick<HandlerTable, MeetingChannel> {
  const meetings = createMeetingUseCases({
    stores: ctx.stores,
    clock: ctx.clock,
    ids: ctx.ids,
    events: ctx.events,
    currentUser: () => {
      const user = ctx.session.user();
      if (!user) throw new DomainError('forbidden', SIGN_IN_FIRST);
      return user;
    },
  });
  return {
    'meetings:range': (query) => meetings.range(query),
    'meetings:create': (request) => meetings.create(request),
    'meetings:move': (input) => meetings.move(input),
    'meetings:cancel': (input) => meetings.cancel(input),
  };
}
