import { memo } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { ClientSummary } from '../../../../app/domain';
import { RiskClassChip } from '../../components/RiskClassChip';
import { isOlderThanTwelveMonths } from '../../i18n/format';
import { useI18n } from '../../i18n/use-i18n';
import { navigate } from '../../routing/use-route';
import { CLIENT_COLUMNS, CLIENT_GRID_COLUMNS, CLIENT_ROW_HEIGHT } from './client-columns';

interface Props {
  index: number;
  top: number;
  client: ClientSummary | undefined;
  today: string;
}

const cellSx = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** One absolutely positioned row of the virtual table; a skeleton until its page arrives. */
export const ClientTableRow = memo(function ClientTableRow({ index, top, client, today }: Props) {
  const { t, fmt } = useI18n();
  const rowSx = {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    transform: `translateY(${top}px)`,
    height: CLIENT_ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: CLIENT_GRID_COLUMNS,
    columnGap: 1,
    alignItems: 'center',
    px: 1,
    borderBottom: 1,
    borderColor: 'divider',
  } as const;

  if (!client) {
    return (
      <Box role="row" aria-rowindex={index + 2} aria-busy="true" sx={rowSx} data-testid="client-row-loading">
        {CLIENT_COLUMNS.map((column) => (
          <Box key={column.id} sx={cellSx}>
            <Skeleton variant="text" width={column.id === 'name' ? '70%' : '50%'} />
          </Box>
        ))}
      </Box>
    );
  }

  const open = () => navigate({ name: 'client', id: client.id });
  const kycStale = client.kycReviewedAt === null || isOlderThanTwelveMonths(client.kycReviewedAt, today);
  return (
    <Box
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-testid="client-row"
      data-client-id={client.id}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
      sx={{
        ...rowSx,
        cursor: 'pointer',
        '&:hover': { bgcolor: 'action.hover' },
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <Box role="gridcell" sx={{ ...cellSx, display: 'flex', alignItems: 'center', gap: 1 }}>
        {client.kind === 'business' ? (
          <BusinessOutlined fontSize="small" color="action" titleAccess={t('kind.business')} />
        ) : (
          <PersonOutlined fontSize="small" color="action" titleAccess={t('kind.individual')} />
        )}
        <Box
          component="span"
          data-testid="client-row-name"
          sx={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}
        >
          {client.displayName}
        </Box>
        <Box
          component="span"
          data-testid="client-row-id"
          sx={{ flexShrink: 0, color: 'text.secondary', fontFamily: 'monospace', fontSize: '0.8rem' }}
        >
          {client.id}
        </Box>
      </Box>
      <Box role="gridcell" sx={cellSx}>
        {client.city ?? t('common.notSet')}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        <RiskClassChip riskClass={client.riskClass} />
      </Box>
      <Box role="gridcell" sx={{ ...cellSx, textAlign: 'right' }}>
        {fmt.money(client.investableAssets)}
      </Box>
      <Box
        role="gridcell"
        sx={{
          ...cellSx,
          display: 'flex',
          alignItems: 'center',
          gap: 0.5,
          color: kycStale ? 'warning.main' : undefined,
        }}
      >
        {kycStale && (
          <WarningAmberOutlined
            sx={{ fontSize: 16 }}
            titleAccess={client.kycReviewedAt ? t('client.kyc.stale') : t('client.kyc.missing')}
          />
        )}
        {client.kycReviewedAt ? fmt.compactDate(client.kycReviewedAt) : t('client.kyc.missing')}
      </Box>
      <Box role="gridcell" sx={cellSx}>
        {client.nextMeetingAt ? fmt.compactDateTime(client.nextMeetingAt) : t('common.notSet')}
      </Box>
      <Box role="gridcell" sx={{ ...cellSx, color: 'text.secondary' }}>
        {fmt.compactDate(client.updatedAt)}
      </Box>
    </Box>
  );
});
