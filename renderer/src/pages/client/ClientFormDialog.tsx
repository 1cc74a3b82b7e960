import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import { validateClientProfile, type Client, type FieldIssue } from '../../../../app/domain';
import { useQueryClient } from '@tanstack/react-query';
import { isBackendError } from '../../api/call';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { fetchChannel } from '../../api/use-channel-query';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { useNotify } from '../../notify/notify-context';
import { navigate } from '../../routing/use-route';
import { ClientFormFields } from './ClientFormFields';
import { draftFromProfile, emptyDraft, issuesByField, profileFromDraft, type ProfileDraft } from './profile-draft';

/** Fields the form shows; an issue for anything else is listed above the form instead of under a field. */
const SHOWN_FIELDS = new Set<string>([...Object.keys(emptyDraft('en'))]);

type Props = { mode: 'create'; onClose(): void } | { mode: 'edit'; client: Client; onClose(): void };

/** Failures the form shows itself: issues at their fields, or the conflict banner. */
const shownInForm = (error: unknown) =>
  (isBackendError(error, 'validation') && error.issues.length > 0) || isBackendError(error, 'conflict');

/**
 * Creates or edits a client in one step: everything is checked first with the shared validator,
 * then sent in a single call, so a profile is never saved half-way. An edit carries the revision it
 * started from; if someone saved in between, the backend refuses and the advisor reloads.
 */
export function ClientFormDialog(props: Props) {
  const { t, language } = useI18n();
  const { notifyError, notifySuccess } = useNotify();
  const [base, setBase] = useState<Client | null>(props.mode === 'edit' ? props.client : null);
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    props.mode === 'edit' ? draftFromProfile(props.client) : emptyDraft(language),
  );
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [conflict, setConflict] = useState(false);
  const queryClient = useQueryClient();
  const reportErrors = (error: unknown) => !shownInForm(error);
  const create = useChannelMutation('clients:create', {
    success: (created) => t('clients.created', { name: created.displayName }),
    reportErrors,
  });
  const update = useChannelMutation('clients:update', { success: () => t('common.saved'), reportErrors });
  const saving = create.isPending || update.isPending;

  const check = (d: ProfileDraft) => {
    const { profile, issues: draftIssues } = profileFromDraft(d);
    const result = validateClientProfile(profile, localToday());
    return { profile, issues: [...draftIssues, ...(result.ok ? [] : result.issues)] };
  };

  const set = <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    // After a first attempt, messages follow the typing so the advisor sees a fix land.
    if (attempted) setIssues(check(next).issues);
  };

  const errors = useMemo(() => {
    const map = new Map<string, string>();
    for (const [field, message] of issuesByField(issues)) map.set(field, t(message));
    return map;
  }, [issues, t]);
  const otherIssues = issues.filter((i) => !SHOWN_FIELDS.has(i.field.split('.')[0] ?? ''));

  const save = () => {
    setAttempted(true);
    const { profile, issues: found } = check(draft);
    setIssues(found);
    if (found.length > 0) return;
    const onError = (error: unknown) => {
      if (isBackendError(error, 'validation') && error.issues.length > 0) setIssues(error.issues);
      else if (isBackendError(error, 'conflict')) setConflict(true);
    };
    if (props.mode === 'create') {
      create.mutate(
        { profile },
        {
          onSuccess: (created) => {
            props.onClose();
            navigate({ name: 'client', id: created.id });
          },
          onError,
        },
      );
    } else if (base) {
      update.mutate({ id: base.id, revision: base.revision, profile }, { onSuccess: () => props.onClose(), onError });
    }
  };

  const reload = async () => {
    if (!base) return;
    try {
      const fresh = await fetchChannel(queryClient, 'clients:get', { id: base.id });
      setBase(fresh.client);
      setDraft(draftFromProfile(fresh.client));
      setIssues([]);
      setAttempted(false);
      setConflict(false);
      notifySuccess(t('form.reloaded'));
    } catch (error) {
      notifyError(error);
    }
  };

  const title =
    props.mode === 'create' ? t('form.createTitle') : t('form.editTitle', { name: base?.displayName ?? '' });
  return (
    <Dialog
      open
      onClose={saving ? undefined : props.onClose}
      fullWidth
      maxWidth="md"
      scroll="paper"
      aria-labelledby="client-form-title"
      data-testid="client-form"
    >
      <DialogTitle id="client-form-title">{title}</DialogTitle>
      {saving && <LinearProgress />}
      <DialogContent dividers>
        {conflict && (
          <Alert
            severity="warning"
            sx={{ mb: 2 }}
            data-testid="client-form-conflict"
            action={
              <Button color="inherit" onClick={() => void reload()} data-testid="client-form-reload">
                {t('common.reload')}
              </Button>
            }
          >
            {t('form.conflict')}
          </Alert>
        )}
        {issues.length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="client-form-errors">
            {t('form.hasErrors')}
            {otherIssues.map((i, index) => (
              <div key={index}>{t('form.otherIssue', { field: i.field, message: t(i.message) })}</div>
            ))}
          </Alert>
        )}
        <ClientFormFields draft={draft} set={set} errors={errors} creating={props.mode === 'create'} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={saving} data-testid="client-form-cancel">
          {t('common.cancel')}
        </Button>
        <Button variant="contained" onClick={save} disabled={saving || conflict} data-testid="client-form-save">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
