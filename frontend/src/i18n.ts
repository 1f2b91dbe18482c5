// Translations and the choice of language. Latvian is the language of the users (municipal
// social services) and of the law; English serves the ministry's partners and developers.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import lv from './locales/lv.json';

export const languages = ['lv', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'lv';

/**
 * Each language's name in that language (an endonym): a reader looks for their own language's
 * name, so these are not translated.
 */
export const languageNames: Record<Language, string> = { lv: 'Latviešu', en: 'English' };

// Key parity between the languages is checked by i18n.test.ts, plural forms differing.
type Translation = Record<string, unknown>;

/**
 * The translations loaded so far. Latvian, the default and the fallback, comes with the app
 * shell; English is a chunk of its own (about 17 kB gzipped) fetched only by who chooses it, so
 * that the Latvian majority does not download it on every first load.
 */
const loaded: Partial<Record<Language, Translation>> = { lv };

/** Fetches a language's translations once; afterwards createI18n can start in that language. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded[language]) return;
  if (language === 'en') loaded.en = (await import('./locales/en.json')).default;
}

/**
 * Switches an instance to a language, fetching its translations first: the page changes
 * language in one step, never half in the fallback.
 */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  await loadLanguage(language);
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', loaded[language]);
  }
  await instance.changeLanguage(language);
}

const storageKey = 'atbalsts.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language the user chose earlier on this device, or Latvian. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be disabled (privacy settings); the default language then applies.
  }
  return defaultLanguage;
}

function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // As above: without storage the choice lasts until the page is reloaded.
  }
}

/** The current language of an i18next instance, narrowed to the ones the app has. */
export function currentLanguage(i18n: I18n): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/**
 * Creates and initialises an i18next instance with the translations loaded so far (call
 * loadLanguage first for a language other than Latvian, else Latvian is shown); ready at
 * once. A fresh instance per call keeps tests independent of each other.
 */
export function createI18n(requested: Language = storedLanguage()): I18n {
  const language: Language = loaded[requested] ? requested : defaultLanguage;
  const resources = Object.fromEntries(Object.entries(loaded).map(([lng, translation]) => [lng, { translation }]));
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: languages,
    initAsync: false,
    interpolation: {
      // React escapes what it renders; escaping here too would show &amp; and the like.
      escapeValue: false,
    },
    react: { useSuspense: false },
  });
  document.documentElement.lang = language;
  // Registered after init, so that only a change (the user's choice) is remembered. The
  // language is also announced to assistive technology (<html lang>) on every change.
  instance.on('languageChanged', (lng) => {
    if (!isLanguage(lng)) return;
    document.documentElement.lang = lng;
    rememberLanguage(lng);
  });
  return instance;
}
