import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../../app/messages';
import { describeComparison } from '../../../../app/training/comparison-text';
import { isWorseThanLive, type LiveComparison } from '../../../../app/training/live-comparison';

const compared = (candidate: [number, number], live: [number, number], rows = 1234): LiveComparison => ({
  liveVersion: 3,
  rows,
  candidate: { auc: candidate[0], logLoss: candidate[1] },
  live: { auc: live[0], logLoss: live[1] },
  notCompared: null,
  madeLive: true,
});

describe('the retrain gate', () => {
  it('keeps the live version when the new one has a lower AUC as the advisor reads it', () => {
    expect(isWorseThanLive(compared([0.72, 0.6], [0.728, 0.61]))).toBe(true);
  });

  it('lets a tie or a better version go live', () => {
    expect(isWorseThanLive(compared([0.7281, 0.6], [0.7279, 0.6]))).toBe(false);
    expect(isWorseThanLive(compared([0.74, 0.6], [0.728, 0.55]))).toBe(false);
  });

  it('breaks an AUC tie on log loss: a higher log loss is worse', () => {
    expect(isWorseThanLive(compared([0.728, 0.65], [0.728, 0.61]))).toBe(true);
    expect(isWorseThanLive(compared([0.728, 0.61], [0.728, 0.65]))).toBe(false);
  });

  it('lets a version go live when no comparison could be made', () => {
    expect(isWorseThanLive({ ...compared([0.5, 0.9], [0.9, 0.1]), notCompared: 'too-few-new-outcomes' })).toBe(false);
  });

  it('says both figures and what was done, in both languages', () => {
    const lines = describeComparison({ ...compared([0.72, 0.6], [0.728, 0.61]), madeLive: false });
    expect(renderMessage(lines[0]!, 'en')).toBe(
      'New version 0.720 AUC vs live 0.728 on the same 1,234 held-out outcomes — kept the live version (version 3).',
    );
    expect(renderMessage(lines[1]!, 'en')).toContain('new version 0.600, live 0.610');
    const zh = renderMessage(lines[0]!, 'zh-CN');
    expect(zh).toContain('0.720');
    expect(zh).toContain('0.728');
    expect(zh).toContain('已保留当前生效版本');
  });
});
