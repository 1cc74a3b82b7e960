import type { enExperiments } from './en-experiments';

export const zhCNExperiments: Record<keyof typeof enExperiments, string> = {
  'experiments.reason.rulesOnly': '实验的“仅规则”组：所有适当产品同等对待',
  'audit.entity.experiment': '实验',
};
