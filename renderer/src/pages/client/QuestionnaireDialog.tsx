import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { Client } from '../../../../app/domain';
import { isBackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { RiskClassChip } from '../../components/RiskClassChip';
import { useI18n } from '../../i18n/use-i18n';
import { inputTestId } from '../../components/input-test-id';

interface Props {
  client: Client;
  onClose(): void;
}

/** Asks the institution's questionnaire in the current language; the backend scores it and sets the class. */
export function QuestionnaireDialog({ client, onClose }: Props) {
  const { t, pick } = useI18n();
  const definition = useChannelQuery('questionnaire:get', {});
  // Starts blank every time: a reassessment is answered afresh, not confirmed from last year's answers.
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  // A conflict is said in the dialog: someone saved the client since it opened.
  const submission = useChannelMutation('clients:submit-questionnaire', {
    reportErrors: (error) => !isBackendError(error, 'conflict'),
  });
  const submitting = submission.isPending;
  const result = submission.data ?? null;

  const questions = definition.data?.questions ?? [];
  const answered = questions.filter((q) => q.options.some((o) => o.id === answers[q.id])).length;
  const maxScore = questions.reduce((sum, q) => sum + Math.max(0, ...q.options.map((o) => o.points)), 0);

  const submit = () => {
    const relevant = Object.fromEntries(questions.map((q) => [q.id, answers[q.id] ?? '']));
    submission.mutate(
      { clientId: client.id, revision: client.revision, answers: relevant },
      { onError: (error) => isBackendError(error, 'conflict') && setConflict(true) },
    );
  };

  return (
    <Dialog
      open
      onClose={submitting ? undefined : onClose}
      fullWidth
      maxWidth="md"
      scroll="paper"
      data-testid="questionnaire-dialog"
    >
      <DialogTitle>
        {t('questionnaire.title', { name: client.displayName })}
        {definition.data && (
          <Typography variant="body2" color="text.secondary">
            {t('questionnaire.version', { version: definition.data.version })} ·{' '}
            {t('questionnaire.answered', { answered, total: questions.length })}
          </Typography>
        )}
      </DialogTitle>
      {(definition.isFetching || submitting) && <LinearProgress />}
      <DialogContent dividers>
        {conflict && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('form.conflict')}
          </Alert>
        )}
        {result ? (
          <Box sx={{ textAlign: 'center', py: 3 }} data-testid="questionnaire-result">
            <Typography variant="overline" color="text.secondary">
              {t('questionnaire.resultTitle')}
            </Typography>
            <Box sx={{ my: 1.5, '& .MuiChip-root': { fontSize: '1rem', height: 32, px: 1 } }}>
              <RiskClassChip riskClass={result.riskClass} long testId="questionnaire-result-class" />
            </Box>
            <Typography data-testid="questionnaire-result-score">
              {t('questionnaire.result', {
                riskClass: result.riskClass ?? '—',
                score: result.questionnaire?.score ?? 0,
                max: maxScore,
              })}
            </Typography>
          </Box>
        ) : (
          questions.map((question, index) => (
            <FormControl
              key={question.id}
              component="fieldset"
              sx={{ display: 'block', mb: 2 }}
              data-testid={`question-${question.id}`}
            >
              <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 500, mb: 0.5 }}>
                {index + 1}. {pick(question.text)}
              </FormLabel>
              <RadioGroup
                row
                name={`question-${question.id}`}
                value={answers[question.id] ?? ''}
                onChange={(event) => setAnswers((a) => ({ ...a, [question.id]: event.target.value }))}
              >
                {question.options.map((option) => (
                  <FormControlLabel
                    key={option.id}
                    value={option.id}
                    label={pick(option.label)}
                    sx={{ mr: 3 }}
                    control={
                      <Radio size="small" slotProps={{ input: inputTestId(`answer-${question.id}-${option.id}`) }} />
                    }
                  />
                ))}
              </RadioGroup>
            </FormControl>
          ))
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={submitting} data-testid="questionnaire-close">
          {result ? t('common.close') : t('common.cancel')}
        </Button>
        {!result && (
          <Button
            variant="contained"
            onClick={submit}
            disabled={submitting || conflict || questions.length === 0 || answered < questions.length}
            data-testid="questionnaire-submit"
          >
            {t('questionnaire.submit')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
