import { describe, expect, it } from 'vitest';
import { depersonalise } from '../../../../app/records/training-pairs';

describe('text made fit for a fine-tuning file', () => {
  const client = { displayName: 'Wang Fang', email: 'fang.wang@example.cn', phone: '+86 138 0013 8000' };

  it('removes the name and contact details, and bands amounts that are not the product’s own figures', () => {
    const text =
      'Dear Wang Fang, with your 820,000 in savings the fund’s minimum of 10,000 fits. Reach me at fang.wang@example.cn or +86 138 0013 8000.';
    const out = depersonalise(text, client, new Set([10_000]), 'en');
    expect(out).not.toContain('Wang Fang');
    expect(out).not.toContain('820,000');
    expect(out).not.toContain('example.cn');
    expect(out).not.toContain('138');
    expect(out).toContain('10,000');
    expect(out).toMatch(/\[removed\]/);
  });

  it('does the same in Chinese, with full-width digits', () => {
    const out = depersonalise('王芳您好，您的存款５０００００元。', { displayName: '王芳' }, new Set(), 'zh-CN');
    expect(out).not.toContain('王芳');
    expect(out).not.toContain('５０００００');
    expect(out).toContain('[已删除]');
  });
});
