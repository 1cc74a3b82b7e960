import type { ReviewScoreGroup, ScoreDimension } from '../../../../app/contract';
import type { Translate } from '../../i18n/translate';

/** What a group of review scores stands for, in words: a model's file name, a tone, a language … */
export function groupLabel(group: ReviewScoreGroup, dimension: ScoreDimension, t: Translate): string {
  if (group.key === 'template') return t('reviewScores.group.template');
  if (group.key === 'advisor') return t('reviewScores.group.advisor');
  if (group.key === 'not-recorded') return t('reviewScores.group.notRecorded');
  switch (dimension) {
    case 'model':
      return group.label ?? `${group.key.slice(0, 12)}…`;
    case 'tone':
      return group.key === 'formal' || group.key === 'warm' || group.key === 'concise'
        ? t(`pitch.tone.${group.key}`)
        : group.key;
    case 'length':
      return group.key === 'short' || group.key === 'medium' || group.key === 'long'
        ? t(`pitch.length.${group.key}`)
        : group.key;
    case 'language':
      return group.key === 'en' || group.key === 'zh-CN' ? t(`language.${group.key}`) : group.key;
    case 'prompt':
      return group.key;
  }
}

export const DIMENSION_LABEL = {
  model: 'reviewScores.dim.model',
  prompt: 'reviewScores.dim.prompt',
  tone: 'reviewScores.dim.tone',
  length: 'reviewScores.dim.length',
  language: 'reviewScores.dim.language',
} as const satisfies Record<ScoreDimension, string>;
