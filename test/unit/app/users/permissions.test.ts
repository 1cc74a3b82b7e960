import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../../app/contract/channels';
import { DomainError } from '../../../../app/domain/domain-error';
import type { DeskUser, UserRole } from '../../../../app/domain/desk-users';
import { assertAllowed, CHANNEL_RULES } from '../../../../app/users/permissions';

const user = (...roles: UserRole[]): DeskUser => ({
  id: 'U-1',
  displayName: 'Ada',
  roles,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const refusal = (channel: Channel, who: DeskUser | null): string | null => {
  try {
    assertAllowed(channel, who);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('forbidden');
    return (error as Error).message;
  }
};

describe('who may call which channel', () => {
  it('names only channels of the contract', () => {
    for (const channel of Object.keys(CHANNEL_RULES)) expect(Object.keys(channels)).toContain(channel);
  });

  it('refuses every change with nobody signed in, and lets reading through', () => {
    expect(refusal('clients:update', null)).toMatch(/^Sign in first/);
    expect(refusal('clients:list', null)).toBeNull();
    expect(refusal('records:get', null)).toBeNull();
  });

  it('lets compliance read and export, and refuses their changes to advice with the rule named', () => {
    const officer = user('compliance');
    for (const channel of [
      'clients:update',
      'pitch:save',
      'pitch:approve',
      'outcomes:record',
      'deviations:record',
    ] as const)
      expect(refusal(channel, officer)).toBe('Compliance users can read and export advice but not change it.');
    expect(refusal('records:for-client', officer)).toBeNull();
    expect(refusal('users:create', officer)).toMatch(/Only administrators manage users/);
  });

  it('keeps users and institution policy for administrators, and reviews for reviewers', () => {
    expect(refusal('users:update', user('advisor'))).toMatch(/Only administrators/);
    expect(refusal('review:set-policy', user('reviewer'))).toMatch(/Only administrators/);
    expect(refusal('review:set-policy', user('administrator'))).toBeNull();
    expect(refusal('pitch:review', user('advisor', 'administrator'))).toBe('Reviewing pitches is for reviewers.');
    expect(refusal('pitch:review', user('reviewer'))).toBeNull();
    expect(refusal('pitch:approve', user('reviewer'))).toMatch(/for advisors/);
  });

  it('refuses a deactivated user', () => {
    expect(refusal('pitch:save', { ...user('advisor'), active: false })).toMatch(/deactivated/);
  });
});
