import type { DeskUser } from '../domain/desk-users';

/**
 * The people of the demo branch. The advisors' ids are the ones the demo's year of history names, so a reaction in
 * the book and the person who signs in are the same; the branch manager advises and administers the desk.
 */
export function demoUsers(createdAt: string): DeskUser[] {
  const user = (id: string, displayName: string, roles: DeskUser['roles']): DeskUser => ({
    id,
    displayName,
    roles,
    active: true,
    createdAt,
  });
  return [
    user('ADV-01', '李伟 Li Wei', ['advisor']),
    user('ADV-02', 'Emma Clarke', ['advisor']),
    user('ADV-03', '陈静 Chen Jing', ['advisor', 'administrator']),
    user('ADV-04', '王芳 Wang Fang', ['advisor']),
    user('REV-01', '张敏 Zhang Min', ['reviewer']),
    user('CMP-01', 'David Ho', ['compliance']),
    user('REV-02', 'Priya Nair', ['reviewer']),
  ];
}

/** Who the demo signs in as by default: the first advisor. */
export const DEMO_ADVISOR_ID = 'ADV-01';
export const DEMO_REVIEWER_ID = 'REV-01';
/** The branch's second reviewer: a revision is often decided by the other reviewer than the one who sent it back. */
export const DEMO_SECOND_REVIEWER_ID = 'REV-02';
