import { useI18n } from '../i18n/use-i18n';
import { NoticeSnackbar } from '../notify/NoticeSnackbar';

/** The snackbar, with its words in the advisor's language. */
export function NoticeArea() {
  const { t } = useI18n();
  return <NoticeSnackbar forbiddenTitle={t('errors.forbidden')} />;
}
