import { useEffect, type RefObject } from 'react';

/**
 * After a failed save, moves focus to the first input marked invalid in the form, so that a
 * keyboard or screen reader user lands on the error instead of searching for it. `attempt`
 * changes with every save attempt.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, formRef]);
}
