// The button next to a date field that opens its calendar: a plain button (Mantine's
// ActionIcon would add a chunk to the first load of every page with a date).
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DateInput.module.css';

export const CalendarButton = forwardRef<HTMLButtonElement, { label: string; expanded: boolean; onClick: () => void }>(function CalendarButton(
  { label, expanded, onClick },
  ref,
) {
  const { t } = useTranslation();
  return (
    <button
      ref={ref}
      type="button"
      className={classes.button}
      aria-label={t('datePicker.open', { label })}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      onClick={onClick}
    >
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
      </svg>
    </button>
  );
});
