import { describe, expect, it, vi } from 'vitest';
import { message } from '../../../../app/messages';
import { dispatch, type HandlerTable } from '../../../../app/contract';
import { channels } from '../../../../app/contract/channels';
import { DomainError } from '../../../../app/domain/domain-error';

// Only the channels a test calls are given real bodies; the dispatcher looks handlers up by name.
function table(overrides: Partial<Record<string, (input: never) => unknown>>): HandlerTable {
  return overrides as unknown as HandlerTable;
}

describe('dispatch: the one door every request goes through', () => {
  it('refuses a channel that is not in the contract', async () => {
    const result = await dispatch(table({}), 'fs:readFile', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel: fs:readFile' } });
  });

  it('refuses malformed input before any handler runs and names the field', async () => {
    const handler = vi.fn();
    const result = await dispatch(table({ 'clients:get': handler }), 'clients:get', { id: 42 });
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.message).toContain('id');
    }
  });

  it('every channel refuses a field it does not know, named in the error, rather than ignoring it', async () => {
    const handler = vi.fn();
    for (const channel of Object.keys(channels) as (keyof typeof channels)[]) {
      const result = await dispatch(table({ [channel]: handler }), channel, { limt: 5 });
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.message, channel).toMatch(/limt/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unexpected extra fields rather than ignoring them', async () => {
    const result = await dispatch(table({ 'clients:get': () => null }), 'clients:get', { id: 'C1', admin: true });
    expect(result.ok).toBe(false);
  });

  it('fills schema defaults before the handler sees the input', async () => {
    const handler = vi.fn(() => ({ total: 0, offset: 0, rows: [] }));
    await dispatch(table({ 'clients:list': handler }), 'clients:list', {});
    expect(handler).toHaveBeenCalledWith({
      search: '',
      kind: null,
      sortBy: 'displayName',
      sortDir: 'asc',
      offset: 0,
      limit: 100,
    });
  });

  it('turns an expected failure into its code, with field issues for forms', async () => {
    const issues = [{ field: 'email', message: message('client.issue.email') }];
    const result = await dispatch(
      table({
        'clients:get': () => {
          throw new DomainError('validation', 'Profile has 1 problem', issues);
        },
      }),
      'clients:get',
      { id: 'C1' },
    );
    expect(result).toEqual({ ok: false, error: { code: 'validation', message: 'Profile has 1 problem', issues } });
  });

  it('hides the details of an unexpected failure from the page and reports only the channel', async () => {
    const sink = vi.fn();
    const result = await dispatch(
      table({
        'clients:get': async () => {
          throw new TypeError('secret detail about Wang Fang');
        },
      }),
      'clients:get',
      { id: 'C1' },
      sink,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('Wang Fang');
    }
    expect(sink).toHaveBeenCalledWith('clients:get', expect.any(TypeError));
  });
});
