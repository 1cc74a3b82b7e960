import { memo, useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComplianceRecordRow } from '../../../../app/contract';
import type { MessageKey } from '../../../../app/messages';
import { useI18n } from '../../i18n/use-i18n';
import { kindLabel } from './record-filter';
import type { RecordRows } from './use-record-rows';

const ROW_HEIGHT = 38;
const GRID = '134px minmax(100px, 1fr) minmax(120px, 1.4fr) 112px minmax(96px, 0.8fr) 76px';
const COLUMNS: MessageKey[] = [
  'compliance.col.when',
  'compliance.col.client',
  'compliance.col.product',
  'compliance.col.kind',
  'compliance.col.people',
  'compliance.col.hash',
];
const cellSx = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  rows: RecordRows;
  selectedId: string | null;
  onOpen(id: string): void;
  /** Changes with the filter, so the list starts again at the top. */
  resetKey: string;
}

/** The matching records, newest first; only the rows on screen are in the page. */
export function RecordsTable({ rows, selectedId, onOpen, resetKey }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.total ?? 10,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { showRange } = rows;
  useEffect(() => {
    showRange(first, last);
  }, [first, last, showRange]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-rowcount={rows.total ?? -1}
      data-testid="compliance-table"
      sx={{
        flexGrow: 1,
        minHeight: 160,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ minWidth: 700 }}>
        <Box
          role="row"
          sx={{
            display: 'grid',
            gridTemplateColumns: GRID,
            columnGap: 1,
            px: 1,
            height: ROW_HEIGHT,
            alignItems: 'center',
            borderBottom: 1,
            borderColor: 'divider',
            position: 'sticky',
            top: 0,
            zIndex: 1,
            bgcolor: 'background.paper',
          }}
        >
          {COLUMNS.map((label) => (
            <Box key={label} role="columnheader" sx={{ ...cellSx, fontWeight: 600, fontSize: '0.8125rem' }}>
              {t(label)}
            </Box>
          ))}
        </Box>
        {rows.total === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }} data-testid="compliance-empty">
            {t('compliance.empty')}
          </Typography>
        ) : (
          <Box role="rowgroup" sx={{ position: 'relative', height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <RecordRow
                key={item.key}
                index={item.index}
                top={item.start}
                row={rows.total === null ? undefined : rows.rowAt(item.index)}
                selected={selectedId !== null && rows.rowAt(item.index)?.id === selectedId}
                onOpen={onOpen}
              />
            ))}
          </Box>
        )}
      </Box>
    </Box>
  );
}

const RecordRow = memo(function RecordRow({
  index,
  top,
  row,
  selected,
  onOpen,
}: {
  index: number;
  top: number;
  row: ComplianceRecordRow | undefined;
  selected: boolean;
  onOpen(id: string): void;
}) {
  const { t, fmt, pickPair } = useI18n();
  const rowSx = {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    transform: `translateY(${top}px)`,
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: GRID,
    columnGap: 1,
    alignItems: 'center',
    px: 1,
    borderBottom: 1,
    borderColor: 'divider',
    fontSize: '0.875rem',
  } as const;
  if (!row)
    return (
      <Box role="row" aria-rowindex={index + 2} aria-busy="true" sx={rowSx}>
        {COLUMNS.map((c) => (
          <Box key={c} sx={cellSx}>
            <Skeleton variant="text" width="60%" />
          </Box>
        ))}
      </Box>
    );
  const kind = kindLabel(row.kind);
  const product =
    row.productNameEn !== null
      ? pickPair(row.productNameEn, row.productNameZh ?? row.productNameEn)
      : row.kind === 'ranking-presented'
        ? t('compliance.productsRecommended', { count: row.recommendedCount })
        : '—';
  return (
    <Box
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-testid="compliance-row"
      data-record-id={row.id}
      onClick={() => onOpen(row.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(row.id);
      }}
      sx={{
        ...rowSx,
        cursor: 'pointer',
        bgcolor: selected ? 'action.selected' : undefined,
        '&:hover': { bgcolor: 'action.hover' },
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <Box role="gridcell" sx={cellSx}>
        {fmt.compactDateTime(row.createdAt)}
      </Box>
      <Box role="gridcell" sx={{ ...cellSx, fontWeight: 500 }} title={`${row.clientName} (${row.clientId})`}>
        {row.clientName}
      </Box>
      <Box role="gridcell" sx={cellSx} title={product}>
        {product}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        {kind ? t(kind) : row.kind}
      </Box>
      <Box
        role="gridcell"
        sx={cellSx}
        title={t('compliance.preview.people', { advisor: row.advisor, approver: row.approver ?? '—' })}
      >
        {row.approver && row.approver !== row.advisor ? `${row.advisor} → ${row.approver}` : row.advisor}
      </Box>
      <Box role="gridcell" sx={{ ...cellSx, fontFamily: 'monospace', fontSize: '0.75rem' }} title={row.contentHash}>
        {row.contentHash.slice(0, 8)}
      </Box>
    </Box>
  );
});
