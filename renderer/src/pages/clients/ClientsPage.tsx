import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useNewClientRequests } from '../../routing/menu-navigation';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { ClientKind, ClientSortField } from '../../../../app/domain';
import { useChannelQuery } from '../../api/use-channel-query';
import { useDebounced } from '../../api/use-debounced';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { useI18n } from '../../i18n/use-i18n';
import { ClientTable } from './ClientTable';
import { clientListMemory } from './list-memory';
import { useClientRows } from './use-client-rows';
import { takeSearchFocusRequest, useShortcut } from '../../shortcuts/use-shortcut';

// The form (and its validation) loads when an advisor first creates a client, not at start-up.
const ClientFormDialog = lazy(() =>
  import('../client/ClientFormDialog').then((m) => ({ default: m.ClientFormDialog })),
);

type KindFilter = 'all' | ClientKind;

export function ClientsPage() {
  const { t } = useI18n();
  const [searchText, setSearchText] = useState(clientListMemory.searchText);
  const search = useDebounced(searchText.trim(), 250);
  const [kindFilter, setKindFilter] = useState<KindFilter>(clientListMemory.kindFilter);
  const [sortBy, setSortBy] = useState<ClientSortField>(clientListMemory.sortBy);
  const [sortDir, setSortDir] = useState<'asc' | 'desc'>(clientListMemory.sortDir);
  const [creating, setCreating] = useState(false);
  useNewClientRequests(useCallback(() => setCreating(true), []));
  const searchInput = useRef<HTMLInputElement>(null);
  const focusSearch = () => searchInput.current?.select();
  useShortcut('search', focusSearch);
  useEffect(() => {
    if (takeSearchFocusRequest()) searchInput.current?.select();
  }, []);

  useEffect(() => {
    Object.assign(clientListMemory, { searchText, kindFilter, sortBy, sortDir });
  }, [searchText, kindFilter, sortBy, sortDir]);

  const query = { search, kind: kindFilter === 'all' ? null : kindFilter, sortBy, sortDir };
  const rows = useClientRows(query);
  const everyone = useChannelQuery('clients:list', { limit: 1 });
  const overall = everyone.data?.total;

  const sort = (field: ClientSortField) => {
    if (field === sortBy) setSortDir((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSortBy(field);
      // Money and dates are most useful largest/newest first; names read A to Z.
      setSortDir(field === 'displayName' || field === 'riskClass' ? 'asc' : 'desc');
    }
  };

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <PageHeader
        title={t('clients.title')}
        actions={
          <Button
            variant="contained"
            startIcon={<AddOutlined />}
            onClick={() => setCreating(true)}
            data-testid="client-new"
          >
            {t('clients.new')}
          </Button>
        }
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <SearchField
          value={searchText}
          onChange={setSearchText}
          placeholder={t('clients.searchPlaceholder')}
          width={360}
          testId="client-search"
          inputRef={searchInput}
        />
        <ToggleButtonGroup
          exclusive
          value={kindFilter}
          onChange={(_event, value: KindFilter | null) => value && setKindFilter(value)}
          aria-label={t('field.kind')}
        >
          <ToggleButton value="all" data-testid="kind-filter-all">
            {t('clients.filter.all')}
          </ToggleButton>
          <ToggleButton value="individual" data-testid="kind-filter-individual">
            {t('clients.filter.individual')}
          </ToggleButton>
          <ToggleButton value="business" data-testid="kind-filter-business">
            {t('clients.filter.business')}
          </ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flexGrow: 1 }} />
        <Typography color="text.secondary" data-testid="client-count" aria-live="polite">
          {rows.total === null || overall === undefined
            ? rows.error === undefined
              ? t('app.loading')
              : ''
            : t('clients.count', { shown: rows.total, total: Math.max(overall, rows.total) })}
        </Typography>
      </Box>
      {rows.error !== undefined && <LoadError error={rows.error} onRetry={rows.retry} />}
      <ClientTable rows={rows} sortBy={sortBy} sortDir={sortDir} onSort={sort} resetKey={JSON.stringify(query)} />
      {creating && (
        <Suspense fallback={null}>
          <ClientFormDialog mode="create" onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Box>
  );
}
