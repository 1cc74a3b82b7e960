import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClientSortField } from '../../../../app/domain';
import { localToday } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { CLIENT_ROW_HEIGHT } from './client-columns';
import { ClientTableHeader } from './ClientTableHeader';
import { ClientTableRow } from './ClientTableRow';
import { clientListMemory } from './list-memory';
import type { ClientRows } from './use-client-rows';

interface Props {
  rows: ClientRows;
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
  onSort(field: ClientSortField): void;
  /** Changes whenever the query does, so the list jumps back to the top. */
  resetKey: string;
}

/** Only the rows on screen exist in the DOM; 100,000 clients scroll like 100. */
export function ClientTable({ rows, sortBy, sortDir, onSort, resetKey }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  // While the first page is loading, show a screenful of skeleton rows rather than an empty box.
  const count = rows.total ?? 20;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CLIENT_ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { showRange } = rows;

  useEffect(() => {
    if (rows.total !== null) showRange(first, last);
  }, [first, last, rows.total, showRange]);

  // A changed search, filter or sort starts at the top; coming back to the same list returns to where it was.
  const shownKey = useRef(resetKey);
  useEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    clientListMemory.scrollTop = 0;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || rows.total === null) return;
    restored.current = true;
    if (clientListMemory.scrollTop > 0) scrollRef.current?.scrollTo({ top: clientListMemory.scrollTop });
  }, [rows.total]);

  const today = localToday();
  return (
    <Box
      ref={scrollRef}
      onScroll={(event) => {
        clientListMemory.scrollTop = event.currentTarget.scrollTop;
      }}
      role="grid"
      aria-rowcount={rows.total ?? -1}
      data-testid="client-table"
      sx={{
        flexGrow: 1,
        minHeight: 0,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ minWidth: 990 }}>
        <ClientTableHeader sortBy={sortBy} sortDir={sortDir} onSort={onSort} />
        {rows.total === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }} data-testid="client-empty">
            {t('clients.empty')}
          </Typography>
        ) : (
          <Box role="rowgroup" sx={{ position: 'relative', height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <ClientTableRow
                key={item.key}
                index={item.index}
                top={item.start}
                client={rows.total === null ? undefined : rows.rowAt(item.index)}
                today={today}
              />
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}
