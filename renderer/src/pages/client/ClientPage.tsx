import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import QuizOutlined from '@mui/icons-material/QuizOutlined';
import { isBackendError } from '../../api/call';
import { savePdf } from '../../api/save-pdf';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { KycChip } from '../../components/KycChip';
import { PageHeader } from '../../components/PageHeader';
import { RiskClassChip } from '../../components/RiskClassChip';
import { describeError } from '../../notify/notify-context';
import { useI18n } from '../../i18n/use-i18n';
import { AdviceRecordsTable } from './AdviceRecordsTable';
import { ClientFormDialog } from './ClientFormDialog';
import { ClientMeetingsTable } from './ClientMeetingsTable';
import { ClientProfileCards } from './ClientProfileCards';
import { ClientRecommendations } from './ClientRecommendations';
import { HoldingsTable } from './HoldingsTable';
import { InteractionsTable } from './InteractionsTable';
import { QuestionnaireDialog } from './QuestionnaireDialog';
import { useClientShortcuts } from './use-client-shortcuts';

export function ClientPage({ id }: { id: string }) {
  const { t } = useI18n();
  useClientShortcuts(id);
  const detail = useChannelQuery(
    'clients:get',
    { id },
    { reportErrors: (error) => !isBackendError(error, 'not_found') },
  );
  const [editing, setEditing] = useState(false);
  const [questionnaire, setQuestionnaire] = useState(false);
  const sheet = useChannelMutation('clients:recommendation-sheet-pdf', {
    success: (file) => t('pdf.ui.saved', { file: file.fileName }),
  });
  const pack = useChannelMutation('clients:meeting-pack-pdf', {
    success: (file) => t('pack.ui.saved', { file: file.fileName }),
  });

  const back = (
    <Tooltip title={t('common.back')}>
      <IconButton onClick={() => window.history.back()} aria-label={t('common.back')} sx={{ mr: 1 }}>
        <ArrowBackOutlined fontSize="small" />
      </IconButton>
    </Tooltip>
  );

  if (!detail.data) {
    if (detail.error) {
      const notFound = isBackendError(detail.error, 'not_found');
      return (
        <Box sx={{ p: 2 }}>
          <Alert
            severity={notFound ? 'warning' : 'error'}
            data-testid={notFound ? 'client-not-found' : 'client-load-error'}
            action={
              notFound ? (
                <Button href="#/clients">{t('app.backToClients')}</Button>
              ) : (
                <Button color="inherit" onClick={() => void detail.refetch()}>
                  {t('app.retry')}
                </Button>
              )
            }
          >
            {notFound ? t('client.notFound') : describeError(detail.error)}
          </Alert>
        </Box>
      );
    }
    return (
      <Box sx={{ p: 2 }} aria-busy="true">
        <Skeleton variant="text" width={280} height={40} />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 1.5, mt: 2 }}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={150} />
          ))}
        </Box>
      </Box>
    );
  }

  const { client, holdings, interactions, meetings } = detail.data;
  return (
    <Box sx={{ p: 2 }}>
      <PageHeader
        title={
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
            {back}
            <span data-testid="client-name">{client.displayName}</span>
          </Box>
        }
        subtitle={
          <>
            <Typography variant="body2">
              {client.city ? `${t(`kind.${client.kind}`)} · ${client.city}` : t(`kind.${client.kind}`)}
            </Typography>
            <RiskClassChip riskClass={client.riskClass} testId="risk-class" />
            <KycChip reviewedAt={client.kycReviewedAt} />
          </>
        }
        actions={
          <>
            <Button
              variant="outlined"
              startIcon={<PictureAsPdfOutlined />}
              disabled={sheet.isPending}
              onClick={() => sheet.mutate({ clientId: client.id }, { onSuccess: savePdf })}
              data-testid="client-recommendation-sheet"
            >
              {t('pdf.ui.recommendationSheet')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<PictureAsPdfOutlined />}
              disabled={pack.isPending}
              onClick={() => pack.mutate({ clientId: client.id }, { onSuccess: savePdf })}
              data-testid="client-meeting-pack"
            >
              {t('pack.ui.export')}
            </Button>
            <Button
              variant="outlined"
              startIcon={<QuizOutlined />}
              onClick={() => setQuestionnaire(true)}
              data-testid="questionnaire-open"
            >
              {t('questionnaire.open')}
            </Button>
            <Button
              variant="contained"
              startIcon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="client-edit"
            >
              {t('common.edit')}
            </Button>
          </>
        }
      />
      <ClientProfileCards client={client} />
      <ClientRecommendations clientId={client.id} interactions={interactions} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 1.5, mt: 1.5 }}>
        <HoldingsTable holdings={holdings} />
        <ClientMeetingsTable meetings={meetings} />
      </Box>
      <Box sx={{ mt: 1.5 }}>
        <InteractionsTable interactions={interactions} />
      </Box>
      <Box sx={{ mt: 1.5 }}>
        <AdviceRecordsTable clientId={client.id} />
      </Box>
      {editing && <ClientFormDialog mode="edit" client={client} onClose={() => setEditing(false)} />}
      {questionnaire && <QuestionnaireDialog client={client} onClose={() => setQuestionnaire(false)} />}
    </Box>
  );
}
