import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parentRelations } from '../enums';

/** How a parent is related to the child. */
export function RelationSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('parents.relation')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('caseForm.choose') }, ...parentRelations.map((r) => ({ value: r, label: t(`relation.${r}`) }))]}
      error={error}
    />
  );
}
