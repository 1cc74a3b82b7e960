import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import type { DeskUser } from '../../app/domain/desk-users';
import {
  getReviewPolicy,
  listReviews,
  listReviewsOfDraft,
  listWaitingReviews,
  setReviewPolicy,
} from '../db/pitch-review-repository';
import { insertUser, lastSignedInUserId, listUsers, updateUser } from '../db/user-repository';
import type { BackendContext } from './backend-context';

type UserChannel =
  | 'users:list'
  | 'users:current'
  | 'users:sign-in'
  | 'users:create'
  | 'users:update'
  | 'review:policy'
  | 'review:set-policy'
  | 'reviews:list'
  | 'reviews:waiting';

/** Refuses a change that would leave the desk without an active administrator to manage users and policy. */
function keepAnAdministrator(users: DeskUser[]): void {
  if (!users.some((u) => u.active && u.roles.includes('administrator')))
    throw new DomainError(
      'conflict',
      'There must always remain one active administrator: make someone else an administrator first.',
    );
}

/** Users, the current user, the review policy and reviews. Who may call which is decided in permissions.ts. */
export function userHandlers(ctx: BackendContext): Pick<HandlerTable, UserChannel> {
  const { db, session } = ctx;
  const changed = () => ctx.events.emit('data:changed', { entity: 'users' });
  return {
    'users:list': () => listUsers(db),
    'users:current': () => ({ user: session.user(), lastUserId: lastSignedInUserId(db) }),
    'users:sign-in': ({ id }) => {
      const user = session.signIn(id, ctx.nowIso());
      changed();
      return user;
    },
    'users:create': ({ displayName, roles }) => {
      const user = insertUser(
        db,
        {
          id: `U-${ctx.randomId().slice(0, 10).toUpperCase()}`,
          displayName,
          roles,
          active: true,
          createdAt: ctx.nowIso(),
        },
        ctx.actor,
      );
      changed();
      return user;
    },
    'users:update': ({ id, ...patch }) => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const user = updateUser(db, id, clean, { at: ctx.nowIso(), actor: ctx.actor }, keepAnAdministrator);
      if (!user) throw new DomainError('not_found', `No user ${id}.`);
      changed();
      return user;
    },
    'review:policy': () => ({ reviewRequiredFor: getReviewPolicy(db) }),
    'review:set-policy': ({ reviewRequiredFor }) => {
      const policy = setReviewPolicy(db, reviewRequiredFor, { at: ctx.nowIso(), actor: ctx.actor });
      changed();
      return { reviewRequiredFor: policy };
    },
    'reviews:list': ({ draftId, from, to }) =>
      draftId !== undefined
        ? listReviewsOfDraft(db, draftId).reverse()
        : listReviews(db, { ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    'reviews:waiting': () => listWaitingReviews(db),
  };
}
