import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ClientDetail } from '../../../../app/contract';
import { OutcomeChip } from '../../components/OutcomeChip';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';

export function InteractionsTable({ interactions }: { interactions: ClientDetail['interactions'] }) {
  const { t, fmt, pickPair } = useI18n();
  const newestFirst = [...interactions].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <SectionCard title={`${t('client.card.interactions')} (${interactions.length})`} flush testId="card-interactions">
      {newestFirst.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('client.interactions.empty')}
        </Typography>
      ) : (
        <Table aria-label={t('client.card.interactions')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('client.col.date')}</TableCell>
              <TableCell>{t('client.col.product')}</TableCell>
              <TableCell>{t('client.col.channel')}</TableCell>
              <TableCell>{t('client.col.outcome')}</TableCell>
              <TableCell>{t('client.col.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {newestFirst.map((i) => (
              <TableRow key={i.id} hover data-testid="interaction-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.date(i.occurredAt)}</TableCell>
                <TableCell>
                  <Link href={hrefFor({ name: 'product', id: i.productId })} underline="hover">
                    {pickPair(i.productNameEn, i.productNameZh)}
                  </Link>
                </TableCell>
                <TableCell>{t(`channel.${i.channel}`)}</TableCell>
                <TableCell>
                  <OutcomeChip outcome={i.outcome} />
                </TableCell>
                <TableCell
                  sx={{
                    color: 'text.secondary',
                    maxWidth: 280,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                  title={i.note}
                >
                  {i.note}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
