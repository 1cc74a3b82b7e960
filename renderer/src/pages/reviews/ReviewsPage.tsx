import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useChannelQuery } from '../../api/use-channel-query';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';

/** Pitches handed to a reviewer and not decided yet, oldest first: the reviewers' work list. */
export function ReviewsPage() {
  const { t, fmt, pick } = useI18n();
  const waiting = useChannelQuery('reviews:waiting', {});
  const rows = waiting.data ?? [];
  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <PageHeader title={t('review.waiting.title')} subtitle={t('review.waiting.subtitle')} />
      {waiting.error && !waiting.data ? (
        <LoadError error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : rows.length === 0 ? (
        <Alert severity="info" data-testid="reviews-empty">
          {t('review.waiting.empty')}
        </Alert>
      ) : (
        <SectionCard title={`${t('review.waiting.title')} (${rows.length})`} flush testId="reviews-waiting">
          <Table aria-label={t('review.waiting.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('review.waiting.client')}</TableCell>
                <TableCell>{t('review.waiting.product')}</TableCell>
                <TableCell>{t('review.waiting.submittedBy')}</TableCell>
                <TableCell>{t('review.waiting.submittedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.draftId}/${r.version}`} hover data-testid="review-waiting-row">
                  <TableCell>{r.clientName}</TableCell>
                  <TableCell>{pick(r.productName)}</TableCell>
                  <TableCell>{r.submittedByName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.submittedAt)}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      href={hrefFor({ name: 'pitch', clientId: r.clientId, productId: r.productId })}
                      data-testid="review-open"
                    >
                      {t('review.waiting.open')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </SectionCard>
      )}
    </Box>
  );
}
