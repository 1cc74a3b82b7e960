import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import type { Outcome } from '../../../../app/domain';
import { useI18n } from '../../i18n/use-i18n';

/** In the order an advisor thinks of them during a meeting: the hopeful answers first. */
const REACTIONS: readonly Outcome[] = ['interested', 'accepted', 'declined', 'no_response'];

/** One button per possible reaction; only suitable (ranked) products ever get these. */
export function ReactionButtons({
  productName,
  busy,
  onRecord,
}: {
  productName: string;
  busy: boolean;
  onRecord(outcome: Outcome): void;
}) {
  const { t } = useI18n();
  return (
    <ButtonGroup
      variant="outlined"
      color="inherit"
      size="small"
      disabled={busy}
      aria-label={t('reco.reactionFor', { product: productName })}
      sx={{ flexWrap: 'nowrap' }}
    >
      {REACTIONS.map((outcome) => (
        <Button
          key={outcome}
          onClick={() => onRecord(outcome)}
          data-testid={`reaction-${outcome}`}
          aria-label={t('a11y.reactionButton', { outcome: t(`outcome.${outcome}`), product: productName })}
          sx={{
            whiteSpace: 'nowrap',
            px: 1,
            color: 'text.secondary',
            borderColor: 'divider',
            '&:hover': { color: 'primary.main' },
          }}
        >
          {t(`outcome.${outcome}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
}
