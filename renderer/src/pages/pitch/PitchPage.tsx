import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import { isBackendError } from '../../api/call';
import { savePdf } from '../../api/save-pdf';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { useLlmStatus } from '../../api/use-llm-status';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { useNotify } from '../../notify/notify-context';
import { hrefFor } from '../../routing/routes';
import { PitchActions } from './PitchActions';
import { PitchFieldsEditor } from './PitchFieldsEditor';
import { PitchIssuesList } from './PitchIssuesList';
import { PitchSettingsBar, type PitchChoice } from './PitchSettingsBar';
import { PitchStreamView } from './PitchStreamView';
import { PitchVersionsList } from './PitchVersionsList';
import { PitchReviewsList } from './PitchReviewsList';
import { ReviewPanel } from './ReviewPanel';
import { useCurrentUser } from '../../users/current-user-context';
import { usePitchEditor } from './use-pitch-editor';
import { usePitchStream } from './use-pitch-stream';
import { useLeaveGuard } from './use-leave-guard';
import { PitchDiffView } from './PitchDiffView';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Language } from '../../../../app/domain/enums';

/** The language last chosen in the language menu for this client's pitch of this product, kept on this computer. */
const chosenLanguageKey = (clientId: string, productId: string) =>
  `advisor-desk:pitch-language:${clientId}:${productId}`;

function readChosenLanguage(clientId: string, productId: string): Language | null {
  try {
    const v = window.localStorage.getItem(chosenLanguageKey(clientId, productId));
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

function keepChosenLanguage(clientId: string, productId: string, language: Language): void {
  try {
    window.localStorage.setItem(chosenLanguageKey(clientId, productId), language);
  } catch {
    // Without storage the page opens in the client's language next time.
  }
}

/**
 * A pitch of one product for one client: choose language, tone and length, draft (the text streams in as it is
 * written), edit the five parts with the compliance lint marking problems as you type, save versions, approve.
 */
export function PitchPage({ clientId, productId }: { clientId: string; productId: string }) {
  const { t, pick, pickPair } = useI18n();
  const { notifyError } = useNotify();
  const { has } = useCurrentUser();
  const client = useChannelQuery(
    'clients:get',
    { id: clientId },
    { reportErrors: (e) => !isBackendError(e, 'not_found') },
  );
  const product = useChannelQuery(
    'products:get',
    { id: productId },
    { reportErrors: (e) => !isBackendError(e, 'not_found') },
  );
  const drafts = useChannelQuery('pitch:list', { clientId });
  // Whether a language model is loaded now; null until the backend answers or when it cannot say.
  const llm = useLlmStatus();
  const modelLoaded = llm ? llm.state === 'loaded' : null;

  const [choice, setChoice] = useState<PitchChoice | null>(null);
  const clientLanguage = client.data?.client.language;
  // Opens in the language last chosen in the menu for this pitch, else the client's.
  useEffect(() => {
    if (clientLanguage && !choice)
      setChoice({
        language: readChosenLanguage(clientId, productId) ?? clientLanguage,
        tone: 'warm',
        length: 'medium',
      });
  }, [clientLanguage, choice, clientId, productId]);

  const [chosenDraftId, setChosenDraftId] = useState<string | null>(null);
  const productDrafts = (drafts.data ?? [])
    .filter((d) => d.productId === productId)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  // The draft shown is the one in the language the menu says: never another language's.
  const languageDraft = choice ? productDrafts.find((d) => d.language === choice.language) : undefined;
  // Set with the language (a draft chosen below, or the one a drafting run wrote to), cleared when the menu changes.
  const draftId = chosenDraftId ?? languageDraft?.id ?? null;
  const draft = useChannelQuery('pitch:get', { draftId: draftId ?? '-' }, { enabled: draftId !== null });
  const [selected, setSelected] = useState<number | null>(null);
  const editor = usePitchEditor(draft.data, selected, setSelected);
  // The backend announces no pitch changes: a saved or approved version refetches the draft and the list from here.
  const saving = useChannelMutation('pitch:save', {
    success: (saved) => t('pitch.saved', { version: saved.versions[saved.versions.length - 1]!.version }),
    invalidates: ['pitch:get', 'pitch:list'],
  });
  const approving = useChannelMutation('pitch:approve', {
    success: (_approved, { version }) => t('pitch.approved', { version }),
    invalidates: ['pitch:get', 'pitch:list'],
  });
  const exporting = useChannelMutation('pitch:export-pdf', {
    success: (file) => t('pdf.ui.saved', { file: file.fileName }),
  });
  const submitting = useChannelMutation('pitch:submit-review', {
    success: () => t('review.submitted'),
    invalidates: ['pitch:get', 'pitch:list', 'reviews:waiting'],
  });
  const busy = saving.isPending || approving.isPending || submitting.isPending;

  const { stream, start, stop } = usePitchStream((done) => {
    if (done.version !== null) {
      setChosenDraftId(done.draftId);
      setSelected(done.version);
      editor.setAside();
    }
  });
  const leaving = useLeaveGuard(editor.dirty);
  const onChoice = (next: PitchChoice) => {
    if (choice && next.language !== choice.language) {
      keepChosenLanguage(clientId, productId, next.language);
      setChosenDraftId(null);
      setSelected(null);
      editor.setAside();
    }
    setChoice(next);
  };
  // The machine's draft the text shown descends from: the latest model or template version up to it.
  const machineVersion = draft.data?.versions
    .filter((v) => v.provenance.source !== 'advisor' && v.version <= (editor.version?.version ?? 0))
    .at(-1);
  const running = stream.phase === 'starting' || stream.phase === 'streaming';

  const productName = product.data ? pickPair(product.data.nameEn, product.data.nameZh) : productId;
  const clientName = client.data?.client.displayName ?? clientId;

  const onDraft = async () => {
    if (!choice) return;
    // A second draft in the same language becomes another version of the draft shown; another language starts its own.
    const into = draft.data && draft.data.language === choice.language ? draft.data.id : undefined;
    try {
      await start({ clientId, productId, settings: choice, source: 'auto', ...(into ? { draftId: into } : {}) });
    } catch (error) {
      notifyError(error);
    }
  };

  const onSave = () => {
    if (!draft.data || !editor.content || !editor.latest) return;
    saving.mutate(
      { draftId: draft.data.id, baseVersion: editor.latest.version, content: editor.content },
      {
        onSuccess: (saved) => {
          setSelected(saved.versions[saved.versions.length - 1]!.version);
          editor.discard();
        },
      },
    );
  };

  const onApprove = () => {
    if (draft.data && editor.version) approving.mutate({ draftId: draft.data.id, version: editor.version.version });
  };
  const onSubmitForReview = () => {
    if (draft.data && editor.version) submitting.mutate({ draftId: draft.data.id, version: editor.version.version });
  };

  const onExportPdf = () => {
    if (draft.data && editor.version)
      exporting.mutate({ draftId: draft.data.id, version: editor.version.version }, { onSuccess: savePdf });
  };

  if (client.error !== null && !client.data)
    return <LoadError error={client.error} onRetry={() => void client.refetch()} />;
  const version = editor.version;
  const showStream =
    stream.phase === 'starting' ||
    stream.phase === 'streaming' ||
    (stream.phase === 'finished' && stream.version === null);

  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={t('pitch.title', { product: productName })}
        titleTestId="pitch-title"
        subtitle={
          <>
            <Link
              href={hrefFor({ name: 'client', id: clientId })}
              underline="hover"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
              data-testid="pitch-back"
            >
              <ArrowBackOutlined fontSize="inherit" />
              {t('pitch.for', { client: clientName })}
            </Link>
            {draft.data && draft.data.approvedVersion !== null && (
              <Chip
                size="small"
                color="success"
                label={t('pitch.approvedChip', { version: draft.data.approvedVersion })}
                data-testid="pitch-approved"
              />
            )}
            {draft.data && draft.data.awaitingReview !== null && (
              <Chip size="small" color="info" label={t('review.awaitingChip')} data-testid="pitch-awaiting-chip" />
            )}
          </>
        }
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(260px, 1fr)' },
          gap: 1.5,
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
          <Card>
            <CardContent sx={{ '&:last-child': { pb: 2 } }}>
              {choice ? (
                <PitchSettingsBar
                  choice={choice}
                  running={stream.phase === 'streaming'}
                  starting={stream.phase === 'starting'}
                  hasDraft={Boolean(draft.data)}
                  modelLoaded={modelLoaded}
                  onChange={onChoice}
                  onDraft={() => void onDraft()}
                  onStop={() => void stop().catch(notifyError)}
                />
              ) : (
                <Skeleton variant="rounded" height={40} />
              )}
            </CardContent>
          </Card>
          {showStream && <PitchStreamView stream={stream} />}
          {!running && draftId === null && drafts.data && (
            <Alert severity="info" data-testid="pitch-empty">
              {t('pitch.empty')}
            </Alert>
          )}
          {!running && draftId !== null && !draft.data && draft.error === null && (
            <Skeleton variant="rounded" height={320} />
          )}
          {!running && draft.error !== null && !draft.data && (
            <LoadError error={draft.error} onRetry={() => void draft.refetch()} />
          )}
          {!running && draft.data && version && editor.content && (
            <Card>
              <CardContent sx={{ display: 'grid', gap: 2, '&:last-child': { pb: 2 } }}>
                <Alert
                  severity={version.provenance.source === 'template' ? 'warning' : 'info'}
                  data-testid="pitch-label"
                  data-source={version.provenance.source}
                  lang={draft.data.language}
                >
                  <AlertTitle>{t('pitch.version', { version: version.version })}</AlertTitle>
                  {pick(version.label)}
                  {version.provenance.source === 'model' && version.provenance.modelFile && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('pitch.provenance', {
                        file: version.provenance.modelFile,
                        tokens: version.provenance.generatedTokens ?? 0,
                        seconds: ((version.provenance.millis ?? 0) / 1000).toFixed(1),
                      })}
                    </Typography>
                  )}
                </Alert>
                <PitchActions
                  editor={editor}
                  busy={busy}
                  draft={draft.data}
                  approval={version.approval}
                  onSave={onSave}
                  onDiscard={editor.discard}
                  onApprove={onApprove}
                  onSubmitForReview={onSubmitForReview}
                  onExportPdf={onExportPdf}
                  exporting={exporting.isPending}
                />
                {editor.restored && (
                  <Alert severity="info" data-testid="pitch-restored">
                    {t('pitchEditor.restored')}
                  </Alert>
                )}
                <Box lang={draft.data.language}>
                  <PitchFieldsEditor
                    content={editor.content}
                    issues={editor.issues}
                    readOnly={busy || !has('advisor')}
                    onChange={editor.edit}
                  />
                </Box>
              </CardContent>
            </Card>
          )}
        </Box>
        <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
          {!running &&
            draft.data &&
            draft.data.awaitingReview !== null &&
            has('reviewer') &&
            version?.version === draft.data.awaitingReview.version && (
              <ReviewPanel draft={draft.data} issues={editor.issues} />
            )}
          {!running && draft.data && version && <PitchIssuesList issues={editor.issues} checking={editor.checking} />}
          {productDrafts.length > 1 && (
            <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', alignItems: 'center' }} data-testid="pitch-drafts">
              <Typography variant="caption" color="text.secondary">
                {t('pitch.drafts')}
              </Typography>
              {productDrafts.map((d) => (
                <Chip
                  key={d.id}
                  size="small"
                  label={`${t('pitch.draftChoice', {
                    language: t(`pitch.language.${d.language}`),
                    version: d.latestVersion,
                  })}${d.awaitingReview ? ` · ${t('review.awaitingChip')}` : ''}`}
                  color={d.id === draftId ? 'primary' : 'default'}
                  variant={d.id === draftId ? 'filled' : 'outlined'}
                  onClick={() => {
                    if (choice && d.language !== choice.language) {
                      keepChosenLanguage(clientId, productId, d.language);
                      setChoice({ ...choice, language: d.language });
                    }
                    setChosenDraftId(d.id);
                    setSelected(null);
                    editor.setAside();
                  }}
                  data-testid="pitch-draft-choice"
                />
              ))}
            </Box>
          )}
          {!running && draft.data && editor.content && machineVersion && (
            <PitchDiffView
              machine={machineVersion.content}
              machineVersion={machineVersion.version}
              current={editor.content}
              language={draft.data.language}
            />
          )}
          {draft.data && version && (
            <PitchVersionsList draft={draft.data} selected={version.version} onSelect={editor.select} />
          )}
          {draft.data && <PitchReviewsList reviews={draft.data.reviews} />}
        </Box>
      </Box>
      <ConfirmDialog
        open={leaving.pending}
        title={t('pitchEditor.leaveTitle')}
        body={t('pitchEditor.leaveBody', { version: version?.version ?? '' })}
        confirmLabel={t('pitchEditor.leave')}
        onConfirm={leaving.leave}
        onClose={leaving.stay}
        testId="pitch-leave-confirm"
      />
    </Box>
  );
}
