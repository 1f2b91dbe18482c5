import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, languages, storedLanguage, switchLanguage } from './i18n';
import en from './locales/en.json';
import lv from './locales/lv.json';

const resources = { lv: { translation: lv }, en: { translation: en } };

/** Every key path of a nested resource object, e.g. "regions.title". */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe('translations', () => {
  it('have the same keys in every language, apart from plural forms', () => {
    const base = (lng: (typeof languages)[number]) =>
      [...new Set(keys(resources[lng].translation).map((k) => k.replace(pluralSuffix, '')))].sort();
    expect(base('en')).toEqual(base('lv'));
  });

  it.each(languages)('%s has exactly the plural forms its grammar needs', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
    const forms = new Map<string, string[]>();
    for (const key of keys(resources[lng].translation)) {
      const m = pluralSuffix.exec(key);
      if (!m) continue;
      const stem = key.slice(0, m.index);
      forms.set(stem, [...(forms.get(stem) ?? []), m[1]]);
    }
    expect(forms.size).toBeGreaterThan(0);
    for (const [stem, found] of forms) {
      expect({ stem, forms: found.sort() }).toEqual({ stem, forms: categories });
    }
  });

  it('uses Latvian plurals', () => {
    const { t } = createI18n('lv');
    const count = (n: number) => t('regions.municipalityCount', { count: n });
    expect(count(0)).toBe('0 pašvaldību');
    expect(count(1)).toBe('1 pašvaldība');
    expect(count(5)).toBe('5 pašvaldības');
    expect(count(11)).toBe('11 pašvaldību');
    expect(count(21)).toBe('21 pašvaldība');
  });
});

describe('language choice', () => {
  afterEach(() => localStorage.clear());

  it('is Latvian when nothing was chosen', () => {
    expect(storedLanguage()).toBe('lv');
    const i18n = createI18n();
    expect(i18n.language).toBe('lv');
    expect(document.documentElement.lang).toBe('lv');
    expect(localStorage.getItem('atbalsts.language')).toBeNull(); // nothing chosen yet
  });

  it('is remembered and applied to <html lang>', async () => {
    const i18n = createI18n();
    await switchLanguage(i18n, 'en');
    expect(i18n.t('language.label')).toBe(en.language.label);
    expect(document.documentElement.lang).toBe('en');
    expect(storedLanguage()).toBe('en');
    expect(createI18n().language).toBe('en');
  });

  it('ignores a stored value that is not a language of the app', () => {
    localStorage.setItem('atbalsts.language', 'de');
    expect(storedLanguage()).toBe('lv');
  });
});
