import Link from '@mui/material/Link';
import { useI18n } from '../i18n/use-i18n';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first thing Tab reaches: hidden until focused, then shown over the app bar; it moves focus to the main
 * region so a keyboard or screen-reader user skips the app bar and the navigation.
 */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <Link
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        // The app routes by hash, so follow the link by moving focus instead of changing the address.
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
      data-testid="skip-link"
      sx={{
        position: 'fixed',
        left: 8,
        top: 8,
        zIndex: (theme) => theme.zIndex.tooltip + 1,
        px: 2,
        py: 1,
        borderRadius: 1,
        bgcolor: 'background.paper',
        color: 'primary.main',
        fontWeight: 500,
        boxShadow: 3,
        transform: 'translateY(-200%)',
        '&:focus, &:focus-visible': { transform: 'none' },
      }}
    >
      {t('a11y.skipToMain')}
    </Link>
  );
}
