import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import HourglassEmptyOutlined from '@mui/icons-material/HourglassEmptyOutlined';
import type { PitchDraftView } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';
import { useShortcut } from '../../shortcuts/use-shortcut';
import type { PitchEditor } from './use-pitch-editor';

interface Props {
  editor: PitchEditor;
  busy: boolean;
  draft: PitchDraftView;
  /** The approval of the version shown, if it has one. */
  approval: { by: string; at: string } | null;
  onSave(): void;
  onDiscard(): void;
  onApprove(): void;
  onSubmitForReview(): void;
  /** Downloads the version shown as a client-facing PDF; offered for an approved version only. */
  onExportPdf(): void;
  exporting: boolean;
}

/**
 * Save the edit as a new version; approve the latest saved version (or, when the review policy asks for a reviewer,
 * submit it for review), or say plainly why it cannot be; export an approved version as a PDF.
 */
export function PitchActions({
  editor,
  busy,
  draft,
  approval,
  onSave,
  onDiscard,
  onApprove,
  onSubmitForReview,
  onExportPdf,
  exporting,
}: Props) {
  const { t, pick, fmt } = useI18n();
  const { nameOf } = useCurrentUser();
  const approved = approval !== null;
  const awaiting = draft.awaitingReview !== null && draft.awaitingReview.version === editor.version?.version;
  const byModel = draft.versions.some((v) => v.provenance.source === 'model');
  const blocking = editor.issues.find((i) => i.severity === 'blocking');
  const isLatest = editor.version?.version === editor.latest?.version;
  const reason = editor.dirty
    ? blocking
      ? t('pitch.approveBlocked', { problem: pick(blocking.message) })
      : t('pitch.approveUnsaved')
    : blocking || !editor.approvable
      ? t('pitch.approveBlocked', { problem: blocking ? pick(blocking.message) : '' })
      : !isLatest
        ? t('pitch.approveLatestOnly')
        : null;
  // The approve shortcut does what the button shown does (approve, or submit for review) and only when it may.
  useShortcut(
    'approve',
    draft.reviewRequired ? onSubmitForReview : onApprove,
    reason === null && !busy && !(approved && !editor.dirty) && !(awaiting && !editor.dirty),
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<SaveOutlined />}
          disabled={!editor.dirty || busy}
          onClick={onSave}
          data-testid="pitch-save"
        >
          {t('pitch.save')}
        </Button>
        {editor.dirty && (
          <>
            <Chip size="small" variant="outlined" label={t('pitch.unsaved')} data-testid="pitch-unsaved" />
            <Button size="small" onClick={onDiscard} disabled={busy} data-testid="pitch-discard">
              {t('common.cancel')}
            </Button>
          </>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button
          variant="outlined"
          startIcon={<PictureAsPdfOutlined />}
          disabled={!approved || editor.dirty || exporting}
          onClick={onExportPdf}
          title={approved ? undefined : t('pdf.ui.approveFirst')}
          data-testid="pitch-export-pdf"
        >
          {t('pdf.ui.exportPitch')}
        </Button>
        {approved && !editor.dirty ? (
          <Chip
            color="success"
            icon={<TaskAltOutlined />}
            label={t('pitch.approvedBy', { by: nameOf(approval.by), time: fmt.compactDateTime(approval.at) })}
            data-testid="pitch-version-is-approved"
          />
        ) : awaiting && !editor.dirty ? (
          <Chip
            color="info"
            icon={<HourglassEmptyOutlined />}
            label={t('review.awaiting', {
              version: draft.awaitingReview!.version,
              name: nameOf(draft.awaitingReview!.by),
              time: fmt.compactDateTime(draft.awaitingReview!.at),
            })}
            data-testid="pitch-awaiting-review"
          />
        ) : draft.reviewRequired ? (
          <Button
            variant="contained"
            startIcon={<SendOutlined />}
            disabled={reason !== null || busy}
            onClick={onSubmitForReview}
            data-testid="pitch-submit-review"
          >
            {t('review.submit')}
          </Button>
        ) : (
          <Button
            variant="contained"
            color="success"
            startIcon={<TaskAltOutlined />}
            disabled={reason !== null || busy}
            onClick={onApprove}
            data-testid="pitch-approve"
          >
            {t('pitch.approve')}
          </Button>
        )}
      </Box>
      {draft.reviewRequired && !approved && !awaiting && (
        <Typography
          variant="caption"
          component="div"
          color="text.secondary"
          sx={{ mt: 0.75, textAlign: 'right' }}
          data-testid="pitch-review-required"
        >
          {t(byModel ? 'review.required.model-text' : 'review.required.all-drafts')}
        </Typography>
      )}
      {reason && !approved && !awaiting && (
        <Typography
          variant="caption"
          component="div"
          color={blocking ? 'error' : 'text.secondary'}
          sx={{ mt: 0.75, textAlign: 'right' }}
          data-testid="pitch-approve-reason"
        >
          {reason}
        </Typography>
      )}
    </Box>
  );
}
