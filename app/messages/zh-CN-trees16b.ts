import type { Trees16bMessageKey } from './en-trees16b';

/** 模型设置选择中树混合候选的简体中文文本，显示在模型页上。 */
export const zhCNTrees16b: Record<Trees16bMessageKey, string> = {
  'selection.about.blend':
    '逻辑回归（分位数分箱）与独立生长的 200 棵梯度提升树各占一半的混合（深度 4，步长 0.1；客户和产品编号按散列编码的区间划分）',
  'selection.about.boosted-blend':
    '因子分解机加在其残差上的 200 棵梯度提升树（客户和产品编号交给因子分解机），与独立生长的 200 棵树（编号按散列编码的区间划分）各占一半的混合；深度 4，步长 0.1',
};
