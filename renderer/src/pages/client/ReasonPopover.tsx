import { useState } from 'react';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import type { ScoreReason } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';

function ReasonLine({ reason, largest }: { reason: ScoreReason; largest: number }) {
  const { t, fmt } = useI18n();
  const raises = reason.logOdds >= 0;
  const share = largest > 0 ? Math.abs(reason.logOdds) / largest : 0;
  return (
    <Box
      component="li"
      sx={{ display: 'grid', gridTemplateColumns: '1fr 72px', alignItems: 'center', columnGap: 1.5, py: 0.4 }}
      data-testid="reason-line"
      data-sign={raises ? 'plus' : 'minus'}
    >
      <Typography variant="body2">{t(reason.text)}</Typography>
      <Box
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
        title={`${raises ? '+' : '−'}${fmt.number(Math.abs(reason.logOdds), 2)}`}
      >
        <Typography
          component="span"
          variant="body2"
          sx={{ width: 10, fontWeight: 600, color: raises ? 'success.main' : 'error.main' }}
          aria-hidden
        >
          {raises ? '+' : '−'}
        </Typography>
        <Box sx={{ flexGrow: 1, height: 6, borderRadius: 3, bgcolor: 'action.hover' }}>
          <Box
            sx={{
              width: `${Math.max(6, share * 100)}%`,
              height: '100%',
              borderRadius: 3,
              bgcolor: raises ? 'success.main' : 'error.main',
            }}
          />
        </Box>
      </Box>
    </Box>
  );
}

function ReasonGroup({ title, reasons, largest }: { title: string; reasons: ScoreReason[]; largest: number }) {
  if (reasons.length === 0) return null;
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="caption" color="text.secondary" component="h3" sx={{ m: 0, fontWeight: 500 }}>
        {title}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {reasons.map((r) => (
          <ReasonLine key={r.group} reason={r} largest={largest} />
        ))}
      </Box>
    </Box>
  );
}

/**
 * The info button beside a score and the popover it opens: what raised and what lowered the estimate, each
 * point's bar scaled to the largest, in the words of the explanation rather than log-odds.
 */
export function ReasonPopover({ productName, reasons }: { productName: string; reasons: ScoreReason[] }) {
  const { t } = useI18n();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const largest = Math.max(0, ...reasons.map((r) => Math.abs(r.logOdds)));
  const raising = reasons.filter((r) => r.logOdds >= 0).sort((a, b) => b.logOdds - a.logOdds);
  const lowering = reasons.filter((r) => r.logOdds < 0).sort((a, b) => a.logOdds - b.logOdds);
  const title = t('reco.whyFor', { product: productName });
  return (
    <>
      <Tooltip title={t('reco.why')}>
        <IconButton onClick={(event) => setAnchor(event.currentTarget)} aria-label={title} data-testid="reason-open">
          <InfoOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { variant: 'outlined', sx: { p: 1.5, width: 380, maxWidth: '90vw' } } }}
      >
        <Box role="dialog" aria-label={title} data-testid="reason-popover">
          <Typography variant="subtitle2" component="h2">
            {title}
          </Typography>
          {reasons.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('reco.noReasons')}
            </Typography>
          ) : (
            <>
              <ReasonGroup title={t('reco.raises')} reasons={raising} largest={largest} />
              <ReasonGroup title={t('reco.lowers')} reasons={lowering} largest={largest} />
              <Divider sx={{ my: 1 }} />
              <Typography variant="caption" color="text.secondary">
                {t('reco.reasonScale')}
              </Typography>
            </>
          )}
        </Box>
      </Popover>
    </>
  );
}
