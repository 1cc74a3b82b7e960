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
import { call, isBackendError } from '../../api/call';
import { useBackend } from '../../api/use-backend';
import { getBridge } from '../../bridge/bridge';
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
import { usePitchEditor } from './use-pitch-editor';
import { usePitchStream } from './use-pitch-stream';

/** Whether a language model is loaded now (null until the backend answers), kept current by 'llm:status' events. */
function useModelLoaded(): boolean | null {
  const [loaded, setLoaded] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    call('llm:status', {}).then(
      (status) => live && setLoaded(status.state === 'loaded'),
      () => live && setLoaded(null),
    );
    const off = getBridge().on('llm:status', (status) => setLoaded(status.state === 'loaded'));
    return () => {
      live = false;
      off();
    };
  }, []);
  return loaded;
}

/**
 * A pitch of one product for one client: choose language, tone and length, draft (the text streams in as it is
 * written), edit the five parts with the compliance lint marking problems as you type, save versions, approve.
 */
export function PitchPage({ clientId, productId }: { clientId: string; productId: string }) {
  const { t, pick, pickPair } = useI18n();
  const { notifyError, notifySuccess } = useNotify();
  const client = useBackend(
    'clients:get',
    { id: clientId },
    { entities: ['clients'], reportErrors: (e) => !isBackendError(e, 'not_found') },
  );
  const product = useBackend(
    'products:get',
    { id: productId },
    { entities: ['products'], reportErrors: (e) => !isBackendError(e, 'not_found') },
  );
  const drafts = useBackend('pitch:list', { clientId }, { entities: ['clients'] });
  const modelLoaded = useModelLoaded();

  const [choice, setChoice] = useState<PitchChoice | null>(null);
  const clientLanguage = client.data?.client.language;
  useEffect(() => {
    if (clientLanguage && !choice) setChoice({ language: clientLanguage, tone: 'warm', length: 'medium' });
  }, [clientLanguage, choice]);

  const [chosenDraftId, setChosenDraftId] = useState<string | null>(null);
  const productDrafts = (drafts.data ?? [])
    .filter((d) => d.productId === productId)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const draftId = chosenDraftId ?? productDrafts[0]?.id ?? null;
  const draft = useBackend('pitch:get', { draftId: draftId ?? '-' }, { entities: [], enabled: draftId !== null });
  const [selected, setSelected] = useState<number | null>(null);
  const editor = usePitchEditor(draft.data, selected, setSelected);
  const [busy, setBusy] = useState(false);

  const { stream, start, stop } = usePitchStream((done) => {
    if (done.version !== null) {
      setChosenDraftId(done.draftId);
      setSelected(done.version);
      editor.discard();
      draft.reload();
    }
    drafts.reload();
  });
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

  const onSave = async () => {
    if (!draft.data || !editor.content || !editor.latest) return;
    setBusy(true);
    try {
      const saved = await call('pitch:save', {
        draftId: draft.data.id,
        baseVersion: editor.latest.version,
        content: editor.content,
      });
      const newest = saved.versions[saved.versions.length - 1]!;
      setSelected(newest.version);
      editor.discard();
      draft.reload();
      drafts.reload();
      notifySuccess(t('pitch.saved', { version: newest.version }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const onApprove = async () => {
    if (!draft.data || !editor.version) return;
    setBusy(true);
    try {
      await call('pitch:approve', { draftId: draft.data.id, version: editor.version.version });
      draft.reload();
      drafts.reload();
      notifySuccess(t('pitch.approved', { version: editor.version.version }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (client.error !== undefined && !client.data) return <LoadError error={client.error} onRetry={client.reload} />;
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
            {draft.data?.status === 'approved' && draft.data.approvedVersion !== null && (
              <Chip
                size="small"
                color="success"
                label={t('pitch.approvedChip', { version: draft.data.approvedVersion })}
                data-testid="pitch-approved"
              />
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
                  onChange={setChoice}
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
          {!running && draftId !== null && !draft.data && draft.error === undefined && (
            <Skeleton variant="rounded" height={320} />
          )}
          {!running && draft.error !== undefined && !draft.data && (
            <LoadError error={draft.error} onRetry={draft.reload} />
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
                  approved={draft.data.approvedVersion === version.version}
                  onSave={() => void onSave()}
                  onDiscard={editor.discard}
                  onApprove={() => void onApprove()}
                />
                <Box lang={draft.data.language}>
                  <PitchFieldsEditor
                    content={editor.content}
                    issues={editor.issues}
                    readOnly={busy}
                    onChange={editor.edit}
                  />
                </Box>
              </CardContent>
            </Card>
          )}
        </Box>
        <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
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
                  label={t('pitch.draftChoice', {
                    language: t(`pitch.language.${d.language}`),
                    version: d.latestVersion,
                  })}
                  color={d.id === draftId ? 'primary' : 'default'}
                  variant={d.id === draftId ? 'filled' : 'outlined'}
                  onClick={() => {
                    setChosenDraftId(d.id);
                    setSelected(null);
                    editor.discard();
                  }}
                  data-testid="pitch-draft-choice"
                />
              ))}
            </Box>
          )}
          {draft.data && version && (
            <PitchVersionsList draft={draft.data} selected={version.version} onSelect={editor.select} />
          )}
        </Box>
      </Box>
    </Box>
  );
}
