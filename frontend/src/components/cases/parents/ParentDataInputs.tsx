import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataField, ParentValues } from './parentData';

/** The inputs of a parent's data, with errors at each. */
export function ParentDataInputs({
  values,
  onChange,
  errorAt,
  codeLabel,
}: {
  values: ParentValues;
  onChange: (f: DataField, value: string) => void;
  errorAt: (f: DataField) => string | undefined;
  codeLabel: string;
}) {
  const { t } = useTranslation();
  const text = (f: DataField, label: string, extra: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required}
      type={extra.type}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[f]}
      name={f}
      onChange={(e) => onChange(f, e.currentTarget.value)}
      error={errorAt(f)}
    />
  );
  return (
    <>
      {text('personalCode', codeLabel)}
      {text('firstName', t('child.firstName'), { required: true })}
      {text('lastName', t('child.lastName'), { required: true })}
      {text('phone', t('parents.phone'), { type: 'tel' })}
      {text('email', t('parents.email'), { type: 'email' })}
      {text('address', t('parents.address'))}
    </>
  );
}
