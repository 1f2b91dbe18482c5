// A date typed as dd.mm.yyyy, the way dates are written in Latvia and shown everywhere in the
// app. The browser's own date picker is not used: it shows the browser's locale (often
// mm/dd/yyyy), not the user's chosen language, and differs from browser to browser.
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DateInput({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  /** As typed; read it with parseDateInput. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={t('dateInput.hint')}
      required={required}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
