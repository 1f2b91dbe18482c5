// Makes t('...') keys type-checked against the Latvian resources, the reference language.
import 'i18next';
import type lv from './locales/lv.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof lv };
  }
}
