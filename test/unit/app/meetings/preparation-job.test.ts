import { describe, expect, it } from 'vitest';
import {
  itemSteps,
  itemStatus,
  itemsFor,
  nextStep,
  transition,
  type PreparationItem,
} from '../../../../app/meetings/preparation-job';

const fresh = (): PreparationItem => itemsFor([{ id: 'MT-1', clientId: 'C-1' }])[0]!;

describe('a preparation item goes through its steps in order', () => {
  it('ranks first, then drafts each chosen product, then writes the pack', () => {
    let item = fresh();
    expect(nextStep(item)).toEqual({ kind: 'rank' });
    item = { ...item, impressionId: 'IM-1', products: ['P-1', 'P-2'] };
    expect(nextStep(item)).toEqual({ kind: 'draft', productId: 'P-1' });
    const made = { draftId: 'PD-1', version: 1, source: 'template' as const, error: null };
    item = { ...item, drafts: [{ productId: 'P-1', ...made }] };
    expect(nextStep(item)).toEqual({ kind: 'draft', productId: 'P-2' });
    // A failed draft is finished too: it is not tried again on resume.
    item = {
      ...item,
      drafts: [...item.drafts, { productId: 'P-2', draftId: null, version: null, source: null, error: 'x' }],
    };
    expect(nextStep(item)).toEqual({ kind: 'pack' });
    item = { ...item, packFile: '01-C-1-pack.pdf' };
    expect(nextStep(item)).toEqual({ kind: 'done' });
    expect(itemStatus(item, true)).toBe('done');
    expect(itemSteps(item, 3)).toEqual({ done: 4, total: 4 });
  });

  it('a client with no suitable product goes straight to the pack', () => {
    const item = { ...fresh(), products: [] };
    expect(nextStep(item)).toEqual({ kind: 'pack' });
    expect(itemSteps(item, 3)).toEqual({ done: 1, total: 2 });
  });

  it('an item with an error is finished, and shows as failed', () => {
    const item = { ...fresh(), error: 'No client with id C-1.' };
    expect(nextStep(item)).toEqual({ kind: 'done' });
    expect(itemStatus(item, false)).toBe('failed');
  });

  it('counts steps before ranking from the number of drafts asked for', () => {
    expect(itemSteps(fresh(), 3)).toEqual({ done: 0, total: 5 });
    expect(itemStatus(fresh(), false)).toBe('waiting');
    expect(itemStatus(fresh(), true)).toBe('working');
  });
});

describe('a preparation job’s states', () => {
  it('pauses, resumes, finishes and cancels only from the states that allow it', () => {
    expect(transition('running', 'pause')).toBe('paused');
    expect(transition('paused', 'resume')).toBe('running');
    expect(transition('running', 'cancel')).toBe('cancelled');
    expect(transition('paused', 'cancel')).toBe('cancelled');
    expect(transition('running', 'finish')).toBe('completed');
    expect(transition('running', 'interrupt')).toBe('paused');
    expect(() => transition('paused', 'pause')).toThrow(/paused/);
    expect(() => transition('completed', 'resume')).toThrow(/completed/);
    expect(() => transition('cancelled', 'resume')).toThrow(/cancelled/);
    expect(() => transition('running', 'resume')).toThrow();
  });

  it('prepares a client met twice in the batch once', () => {
    const items = itemsFor([
      { id: 'MT-1', clientId: 'C-1' },
      { id: 'MT-2', clientId: 'C-2' },
      { id: 'MT-3', clientId: 'C-1' },
    ]);
    expect(items.map((i) => [i.position, i.meetingId, i.clientId])).toEqual([
      [0, 'MT-1', 'C-1'],
      [1, 'MT-2', 'C-2'],
    ]);
  });
});
