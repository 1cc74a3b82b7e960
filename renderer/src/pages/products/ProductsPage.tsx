import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PRODUCT_FAMILIES, type ProductFamily } from '../../../../app/domain';
import { useChannelQuery } from '../../api/use-channel-query';
import { useDebounced } from '../../api/use-debounced';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { RiskGradeChip } from '../../components/RiskGradeChip';
import { categoryLabel } from '../../i18n/category-label';
import { rateRange, termLabel } from '../../i18n/product-facts';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../routing/use-route';

export function ProductsPage() {
  const { t, fmt, pickPair, language } = useI18n();
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const [family, setFamily] = useState<ProductFamily | ''>('');
  const products = useChannelQuery('products:list', { search, family: family === '' ? null : family });
  const rows = products.data ?? [];

  return (
    <Box sx={{ p: 2 }}>
      <PageHeader title={t('products.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField
          value={searchText}
          onChange={setSearchText}
          placeholder={t('products.searchPlaceholder')}
          width={320}
          testId="product-search"
        />
        <TextField
          select
          label={t('products.family')}
          value={family}
          onChange={(event) => setFamily(event.target.value as ProductFamily | '')}
          sx={{ width: 220 }}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'product-family-filter' },
          }}
        >
          <option value="">{t('common.all')}</option>
          {PRODUCT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {t(`family.${f}`)}
            </option>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Typography color="text.secondary" data-testid="product-count">
          {products.data ? t('products.count', { count: rows.length }) : products.isFetching ? t('app.loading') : ''}
        </Typography>
      </Box>
      <TableContainer component={Paper} variant="outlined">
        {products.isFetching && <LinearProgress />}
        {!products.data && !products.isFetching && products.error !== null && (
          <LoadError error={products.error} onRetry={() => void products.refetch()} />
        )}
        <Table stickyHeader aria-label={t('products.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('products.col.name')}</TableCell>
              <TableCell>{t('products.col.family')}</TableCell>
              <TableCell>{t('products.col.risk')}</TableCell>
              <TableCell align="right">{t('products.col.rate')}</TableCell>
              <TableCell align="right">{t('products.col.term')}</TableCell>
              <TableCell align="right">{t('products.col.minimum')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((p) => (
              <TableRow
                key={p.id}
                hover
                tabIndex={0}
                data-testid="product-row"
                data-product-id={p.id}
                onClick={() => navigate({ name: 'product', id: p.id })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') navigate({ name: 'product', id: p.id });
                }}
                sx={{ cursor: 'pointer', opacity: p.active ? 1 : 0.6 }}
              >
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {pickPair(p.nameEn, p.nameZh)}
                    </Typography>
                    {p.complex && <Chip label={t('products.complex')} variant="outlined" color="warning" />}
                    {p.insured && <Chip label={t('products.insured')} variant="outlined" color="success" />}
                    {!p.active && <Chip label={t('products.inactive')} variant="outlined" />}
                  </Box>
                </TableCell>
                <TableCell>
                  {t(`family.${p.family}`)}
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' · '}
                    {categoryLabel(p.category, language)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <RiskGradeChip grade={p.riskGrade} />
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {rateRange(p, fmt, t)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {termLabel(p.termMonths, t, fmt)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {p.minimumAmount > 0 ? fmt.money(p.minimumAmount, p.currency) : t('common.none')}
                </TableCell>
              </TableRow>
            ))}
            {products.data && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ textAlign: 'center', color: 'text.secondary', py: 3 }}>
                  {t('products.empty')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
