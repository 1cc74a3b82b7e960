import { enAgenda } from './en-agenda';
import { enAudit } from './en-audit';
import { enCategories } from './en-categories';
import { enClient } from './en-client';
import { enClientPage } from './en-client-page';
import { enCompliance } from './en-compliance';
import { enEngine } from './en-engine';
import { enLora } from './en-lora';
import { enModelSelection } from './en-model-selection';
import { enPitch } from './en-pitch';
import { enPitchDocument } from './en-pitch-document';
import { enPdf } from './en-pdf';
import { enMeetingPack } from './en-meeting-pack';
import { enReasonChecks } from './en-reason-checks';
import { enPitchJob } from './en-pitch-job';
import { enReasons } from './en-reasons';
import { enRecords } from './en-records';
import { enSuitability } from './en-suitability';
import { enUi } from './en-ui';
import { enUsers } from './en-users';
import { enShortcuts } from './en-shortcuts';
import { enPreparation } from './en-preparation';
import { enRetrainSafety } from './en-retrain-safety';
import { enPitchEditor } from './en-pitch-editor';
import { enAnalytics } from './en-analytics';
import { enExperiments } from './en-experiments';
import { enReviewScores } from './en-review-scores';
import { enOffPolicy } from './en-off-policy';
import { enAuc } from './en-auc';
import type { Language } from './language';
import { zhCNAgenda } from './zh-CN-agenda';
import { zhCNAudit } from './zh-CN-audit';
import { zhCNCategories } from './zh-CN-categories';
import { zhCNClient } from './zh-CN-client';
import { zhCNClientPage } from './zh-CN-client-page';
import { zhCNCompliance } from './zh-CN-compliance';
import { zhCNEngine } from './zh-CN-engine';
import { zhCNLora } from './zh-CN-lora';
import { zhCNModelSelection } from './zh-CN-model-selection';
import { zhCNPitch } from './zh-CN-pitch';
import { zhCNPitchDocument } from './zh-CN-pitch-document';
import { zhCNPdf } from './zh-CN-pdf';
import { zhCNMeetingPack } from './zh-CN-meeting-pack';
import { zhCNReasonChecks } from './zh-CN-reason-checks';
import { zhCNPitchJob } from './zh-CN-pitch-job';
import { zhCNReasons } from './zh-CN-reasons';
import { zhCNRecords } from './zh-CN-records';
import { zhCNSuitability } from './zh-CN-suitability';
import { zhCNUi } from './zh-CN-ui';
import { zhCNUsers } from './zh-CN-users';
import { zhCNShortcuts } from './zh-CN-shortcuts';
import { zhCNPreparation } from './zh-CN-preparation';
import { zhCNRetrainSafety } from './zh-CN-retrain-safety';
import { zhCNPitchEditor } from './zh-CN-pitch-editor';
import { zhCNAnalytics } from './zh-CN-analytics';
import { zhCNExperiments } from './zh-CN-experiments';
import { zhCNReviewScores } from './zh-CN-review-scores';
import { zhCNOffPolicy } from './zh-CN-off-policy';
import { enCalibration } from './en-calibration';
import { zhCNCalibration } from './zh-CN-calibration';
import { zhCNAuc } from './zh-CN-auc';
import { enTrees16b } from './en-trees16b';
import { zhCNTrees16b } from './zh-CN-trees16b';

/**
 * The English catalog defines the keys: every other language must provide exactly the same ones,
 * so a missing or misspelled translation fails the type check. The renderer, the CLI and the
 * documents the app writes all look their text up here.
 */
export const en = {
  ...enUi,
  ...enClient,
  ...enCategories,
  ...enEngine,
  ...enLora,
  ...enModelSelection,
  ...enPitch,
  ...enPitchDocument,
  ...enPitchJob,
  ...enReasons,
  ...enSuitability,
  ...enAudit,
  ...enUsers,
  ...enCompliance,
  ...enRecords,
  ...enPdf,
  ...enAgenda,
  ...enMeetingPack,
  ...enShortcuts,
  ...enClientPage,
  ...enPreparation,
  ...enReasonChecks,
  ...enRetrainSafety,
  ...enPitchEditor,
  ...enAnalytics,
  ...enExperiments,
  ...enReviewScores,
  ...enOffPolicy,
  ...enCalibration,
  ...enAuc,
  ...enTrees16b,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export const zhCN: Catalog = {
  ...zhCNUi,
  ...zhCNClient,
  ...zhCNCategories,
  ...zhCNEngine,
  ...zhCNLora,
  ...zhCNModelSelection,
  ...zhCNPitch,
  ...zhCNPitchDocument,
  ...zhCNPitchJob,
  ...zhCNReasons,
  ...zhCNSuitability,
  ...zhCNAudit,
  ...zhCNUsers,
  ...zhCNCompliance,
  ...zhCNRecords,
  ...zhCNPdf,
  ...zhCNAgenda,
  ...zhCNMeetingPack,
  ...zhCNShortcuts,
  ...zhCNClientPage,
  ...zhCNPreparation,
  ...zhCNReasonChecks,
  ...zhCNRetrainSafety,
  ...zhCNPitchEditor,
  ...zhCNAnalytics,
  ...zhCNExperiments,
  ...zhCNReviewScores,
  ...zhCNOffPolicy,
  ...zhCNCalibration,
  ...zhCNAuc,
  ...zhCNTrees16b,
};

export const CATALOGS: Record<Language, Catalog> = { en, 'zh-CN': zhCN };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
