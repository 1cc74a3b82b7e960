import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ClientDetail } from '../../../../app/contract';
import { SectionCard } from '../../components/SectionCard';
import { familyLabel } from '../../i18n/family-label';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';

export function HoldingsTable({ holdings }: { holdings: ClientDetail['holdings'] }) {
  const { t, fmt, pickPair } = useI18n();
  const total = holdings.reduce((sum, h) => sum + h.amount, 0);
  return (
    <SectionCard title={`${t('client.card.holdings')} (${holdings.length})`} flush testId="card-holdings">
      {holdings.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('client.holdings.empty')}
        </Typography>
      ) : (
        <Table aria-label={t('client.card.holdings')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('client.col.product')}</TableCell>
              <TableCell>{t('client.col.family')}</TableCell>
              <TableCell align="right">{t('client.col.amount')}</TableCell>
              <TableCell>{t('client.col.acquiredOn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {holdings.map((h) => (
              <TableRow key={h.id} hover data-testid="holding-row">
                <TableCell>
                  <Link href={hrefFor({ name: 'product', id: h.productId })} underline="hover">
                    {pickPair(h.productNameEn, h.productNameZh)}
                  </Link>
                </TableCell>
                <TableCell>{familyLabel(t, h.family)}</TableCell>
                <TableCell align="right">{fmt.money(h.amount)}</TableCell>
                <TableCell>{fmt.date(h.acquiredOn)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell colSpan={2} sx={{ fontWeight: 500, borderBottom: 0 }} />
              <TableCell align="right" sx={{ fontWeight: 500, borderBottom: 0 }}>
                {fmt.money(total)}
              </TableCell>
              <TableCell sx={{ borderBottom: 0 }} />
            </TableRow>
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
