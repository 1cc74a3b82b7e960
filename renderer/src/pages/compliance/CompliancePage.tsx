import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useDebounced } from '../../api/use-debounced';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/use-i18n';
import { ComplianceFilters } from './ComplianceFilters';
import { ExportPanel } from './ExportPanel';
import { RecordPreviewDrawer } from './RecordPreviewDrawer';
import { RecordsTable } from './RecordsTable';
import { backendFilter, lastQuarter, type ComplianceFilter } from './record-filter';
import { useRecordRows } from './use-record-rows';

/**
 * Advice records for compliance: find them by period, client, advisor and kind; open one as it was frozen; export
 * the period. Everything here reads; nothing changes a record. When named users and roles arrive, who may open this
 * page and who may export is decided where the navigation and the export panel are shown (see the two marks below).
 */
export function CompliancePage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ComplianceFilter>(() => ({
    ...lastQuarter(),
    client: '',
    advisor: '',
    kind: '',
  }));
  const [openId, setOpenId] = useState<string | null>(null);
  const client = useDebounced(filter.client, 250);
  const query = useMemo(() => backendFilter({ ...filter, client }), [filter, client]);
  const rows = useRecordRows(query);
  const exportRequest = query.from && query.to ? { ...query, from: query.from, to: query.to } : null;

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <PageHeader
        title={t('compliance.title')}
        titleTestId="compliance-title"
        subtitle={<Typography variant="body2">{t('compliance.subtitle')}</Typography>}
      />
      <ComplianceFilters filter={filter} onChange={setFilter} />
      <Box sx={{ display: 'flex', gap: 2, flexGrow: 1, minHeight: 0, flexWrap: { xs: 'wrap', lg: 'nowrap' } }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, minHeight: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.75, minHeight: 24 }}>
            <Typography variant="body2" color="text.secondary" data-testid="compliance-count">
              {rows.total === null ? '' : t('compliance.count', { count: rows.total })}
            </Typography>
          </Box>
          {rows.loading && rows.total === null && <LinearProgress />}
          {rows.error && rows.total === null && (
            <LoadError error={rows.error} onRetry={() => setFilter({ ...filter })} />
          )}
          <RecordsTable rows={rows} selectedId={openId} onOpen={setOpenId} resetKey={JSON.stringify(query)} />
        </Box>
        {/* Roles: the export panel is where "may export" will be checked (compliance and administrators). */}
        <Box sx={{ width: { xs: '100%', lg: 300 }, flexShrink: 0, overflowY: 'auto' }}>
          <ExportPanel request={exportRequest} count={rows.total} />
        </Box>
      </Box>
      <RecordPreviewDrawer id={openId} onClose={() => setOpenId(null)} />
    </Box>
  );
}
