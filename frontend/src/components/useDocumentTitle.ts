import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the window title to "<page> — Atbalsts", the first thing a screen reader announces. */
export function useDocumentTitle(pageTitle: string) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle === appName ? appName : `${pageTitle} — ${appName}`;
  }, [pageTitle, appName]);
}
