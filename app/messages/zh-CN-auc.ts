import type { AucMessageKey } from './en-auc';

/** 为排序质量（第 16 号议题）新增的意向模型候选设置的简体中文文本。 */
export const zhCNAuc: Record<AucMessageKey, string> = {
  'selection.about.ridge':
    '逻辑回归，每个权重施加相同的 L2 正则（每条结果 1e-3），训练八轮：很少出现的客户或产品需要更多证据才会改变其得分',
};
