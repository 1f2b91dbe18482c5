import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A form's buttons: its submit button (busy while the form is being sent) and, when there is
 * somewhere to go back to, cancel. One component, so that every form offers them alike.
 */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  color,
  disabled,
}: {
  submitLabel: ReactNode;
  busy: boolean;
  onCancel?: () => void;
  /** The submit button's colour where the action is destructive (e.g. red for a rejection). */
  color?: string;
  /** The submit button is off while the form cannot be sent (the form says why). */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={busy} color={color} disabled={disabled}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('caseForm.cancel')}
        </Button>
      )}
    </Group>
  );
}
