import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { PitchDraftView, PitchIssueView } from '../../../../app/contract';
import { RUBRIC_CRITERIA, type ReviewRubric } from '../../../../app/domain';
import { pitchChanges } from '../../../../app/records/advice-record';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';

type Scores = Partial<ReviewRubric>;
const show = (value: string | string[]) => (Array.isArray(value) ? value.join(' · ') : value);

/**
 * The reviewer's side of four-eyes review, for the version waiting: the facts the pitch may quote, what changed
 * from the machine's draft, the checks, a score of 1 to 5 on each criterion, a comment, and approve or send back.
 */
export function ReviewPanel({ draft, issues }: { draft: PitchDraftView; issues: readonly PitchIssueView[] }) {
  const { t, pick } = useI18n();
  const { user } = useCurrentUser();
  const waiting = draft.awaitingReview!;
  const submitted = draft.versions.find((v) => v.version === waiting.version)!;
  const machine = draft.versions.find((v) => v.provenance.source !== 'advisor') ?? null;
  const facts = useChannelQuery('pitch:facts', { draftId: draft.id });
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const review = useChannelMutation('pitch:review', {
    success: (_view, input) => t(input.decision === 'approve' ? 'review.approvedNotice' : 'review.sentBackNotice'),
    invalidates: ['pitch:get', 'pitch:list', 'reviews:waiting', 'records:for-client'],
  });

  if (draft.versions.some((v) => v.author === user.id))
    return (
      <Alert severity="info" data-testid="review-own-draft">
        {t('review.ownDraft')}
      </Alert>
    );

  const complete = RUBRIC_CRITERIA.every((c) => scores[c] !== undefined);
  const low = RUBRIC_CRITERIA.some((c) => (scores[c] ?? 5) < 3);
  const blocking = issues.filter((i) => i.severity === 'blocking');
  const decide = (decision: 'approve' | 'send-back') =>
    complete &&
    review.mutate({
      draftId: draft.id,
      version: waiting.version,
      decision,
      rubric: scores as ReviewRubric,
      comment,
    });
  const changes = machine ? pitchChanges(machine.content, submitted.content) : [];
  const quotable = facts.data?.facts.filter((f) => f.quotable) ?? [];

  return (
    <SectionCard title={t('review.panel.title')} testId="review-panel">
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <Box>
          <Typography variant="subtitle2">{t('review.panel.facts')}</Typography>
          <Table size="small" data-testid="review-facts">
            <TableBody>
              {quotable.map((f) => (
                <TableRow key={f.key}>
                  <TableCell sx={{ color: 'text.secondary', width: '40%' }}>{pick(f.label)}</TableCell>
                  <TableCell>{pick(f.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {facts.data && (
            <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('review.panel.disclosure')}: {pick(facts.data.disclosure)}
            </Typography>
          )}
        </Box>
        <Box data-testid="review-diff">
          <Typography variant="subtitle2">{t('review.panel.diff')}</Typography>
          {!machine ? (
            <Typography variant="body2" color="text.secondary">
              {t('review.panel.noMachine')}
            </Typography>
          ) : changes.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('review.panel.noChanges')}
            </Typography>
          ) : (
            changes.map((c) => (
              <Box key={c.field} sx={{ mt: 0.75 }} lang={draft.language}>
                <Typography variant="caption" color="text.secondary">
                  {t(`pitch.field.${c.field}`)}
                </Typography>
                <Typography variant="body2" sx={{ textDecoration: 'line-through', color: 'error.main' }}>
                  {show(c.machine)}
                </Typography>
                <Typography variant="body2" sx={{ color: 'success.main' }}>
                  {show(c.final)}
                </Typography>
              </Box>
            ))
          )}
        </Box>
        <Typography variant="body2" color={blocking.length > 0 ? 'error' : 'text.secondary'}>
          {t('review.panel.checks')}:{' '}
          {blocking.length > 0 ? blocking.map((i) => pick(i.message)).join(' ') : t('review.panel.checksClean')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 0.75 }}>
          {RUBRIC_CRITERIA.map((c) => (
            <Box key={c} sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
              <Typography variant="body2">{t(`review.criterion.${c}`)}</Typography>
              <ToggleButtonGroup
                exclusive
                size="small"
                value={scores[c] ?? null}
                onChange={(_e, v: number | null) => v !== null && setScores((s) => ({ ...s, [c]: v }))}
                aria-label={t(`review.criterion.${c}`)}
                data-testid={`review-score-${c}`}
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <ToggleButton key={n} value={n} sx={{ px: 1.25, py: 0.25 }}>
                    {n}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            </Box>
          ))}
        </Box>
        <TextField
          label={t('review.comment')}
          multiline
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          helperText={t('review.commentRequired')}
          error={low && comment.trim() === ''}
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'review-comment' } }}
        />
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button
            color="warning"
            variant="outlined"
            disabled={!complete || comment.trim() === '' || review.isPending}
            onClick={() => decide('send-back')}
            data-testid="review-send-back"
          >
            {t('review.sendBack')}
          </Button>
          <Button
            color="success"
            variant="contained"
            disabled={!complete || (low && comment.trim() === '') || blocking.length > 0 || review.isPending}
            onClick={() => decide('approve')}
            data-testid="review-approve"
          >
            {t('review.approve')}
          </Button>
        </Box>
      </Box>
    </SectionCard>
  );
}
