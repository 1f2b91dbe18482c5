// The language switch: a native select, which every keyboard and screen reader handles, with
// each language named in itself.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, languageNames, languages, switchLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('language.label')}
      value={currentLanguage(i18n)}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) void switchLanguage(i18n, value);
      }}
      size="sm"
      styles={{
        root: { display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-xs)' },
        label: { marginBottom: 0 },
      }}
    >
      {languages.map((lng) => (
        <option key={lng} value={lng} lang={lng}>
          {languageNames[lng]}
        </option>
      ))}
    </NativeSelect>
  );
}
