// The button next to a date field that opens its calendar.
import { ActionIcon } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export const CalendarButton = forwardRef<HTMLButtonElement, { label: string; onClick: () => void }>(function CalendarButton({ label, onClick, ...rest }, ref) {
  const { t } = useTranslation();
  return (
    <ActionIcon ref={ref} variant="subtle" c="blue.9" aria-label={t('datePicker.open', { label })} onClick={onClick} {...rest}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
      </svg>
    </ActionIcon>
  );
});
