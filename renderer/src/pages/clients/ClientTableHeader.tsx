import Box from '@mui/material/Box';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { ClientSortField } from '../../../../app/domain';
import { useI18n } from '../../i18n/use-i18n';
import { CLIENT_COLUMNS, CLIENT_GRID_COLUMNS } from './client-columns';

interface Props {
  sortBy: ClientSortField;
  sortDir: 'asc' | 'desc';
  onSort(field: ClientSortField): void;
}

export function ClientTableHeader({ sortBy, sortDir, onSort }: Props) {
  const { t } = useI18n();
  return (
    <Box
      role="row"
      sx={{
        display: 'grid',
        gridTemplateColumns: CLIENT_GRID_COLUMNS,
        columnGap: 1,
        alignItems: 'center',
        height: 36,
        px: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        fontWeight: 500,
        color: 'text.secondary',
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      {CLIENT_COLUMNS.map((column) => (
        <Box
          key={column.id}
          role="columnheader"
          aria-sort={
            column.sortField && column.sortField === sortBy
              ? sortDir === 'asc'
                ? 'ascending'
                : 'descending'
              : undefined
          }
          sx={{ px: 1, textAlign: column.align ?? 'left', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          {column.sortField ? (
            <TableSortLabel
              active={sortBy === column.sortField}
              direction={sortBy === column.sortField ? sortDir : 'asc'}
              onClick={() => column.sortField && onSort(column.sortField)}
              data-testid={`sort-${column.sortField}`}
              sx={{ flexDirection: column.align === 'right' ? 'row-reverse' : 'row' }}
            >
              {t(column.label)}
            </TableSortLabel>
          ) : (
            t(column.label)
          )}
        </Box>
      ))}
    </Box>
  );
}
