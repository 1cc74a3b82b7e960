import { useEffect } from 'react';
import { useSettings } from '../settings/settings-context';
import { translate } from './translate';

/** Keeps the page's lang attribute and the window title in the advisor's language (screen readers, fonts, taskbar). */
export function useDocumentLanguage(): void {
  const { language } = useSettings().settings;
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.name');
  }, [language]);
}
