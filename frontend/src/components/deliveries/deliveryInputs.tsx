// What recording and correcting a delivery share: the checks made before sending, and the
// units input.
import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceUnit } from '../../gql/graphql';
import { parseDateInput } from '../../lib/dates';

/** The most units one delivery may have (domain: 1 to 1000), to say so before sending. */
export const maxDeliveryUnits = 1000;

/** A message of the form's own checks, by its translation key. */
export type OwnError = 'child.errors.required' | 'dateInput.invalid' | 'deliveries.errors.units';

/**
 * The checks both forms make before sending: the day typed as dd.mm.yyyy, whole units within
 * bounds, and the parent of a parents' service. Returns the errors by field, and the day
 * (yyyy-mm-dd) and units to send when there are none.
 */
export function checkDeliveryInputs(
  v: { date: string; units: number | string; parentId: string },
  forParents: boolean,
): { errors: Partial<Record<'date' | 'units' | 'parentId', OwnError>>; date: string | null; units: number } {
  const errors: Partial<Record<'date' | 'units' | 'parentId', OwnError>> = {};
  const date = parseDateInput(v.date);
  if (v.date.trim() === '') errors.date = 'child.errors.required';
  else if (!date) errors.date = 'dateInput.invalid';
  const units = Number(v.units);
  if (v.units === '' || !Number.isInteger(units) || units < 1 || units > maxDeliveryUnits) errors.units = 'deliveries.errors.units';
  if (forParents && v.parentId === '') errors.parentId = 'child.errors.required';
  return { errors, date, units };
}

/** The units of a delivery, named in the service's unit ("Nodarbības"), whole and positive. */
export function UnitsInput({
  unit,
  value,
  onChange,
  error,
}: {
  /** The service's unit; undefined before a line is chosen. */
  unit: ServiceUnit | undefined;
  value: number | string;
  onChange: (value: number | string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={unit ? t('deliveries.unitsOf', { unit: t(`serviceUnitPlural.${unit}`) }) : t('deliveries.units')}
      required
      min={1}
      max={maxDeliveryUnits}
      allowDecimal={false}
      allowNegative={false}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
