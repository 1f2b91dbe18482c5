import { useLayoutEffect, type RefObject } from 'react';

/**
 * After a failed save, moves focus to the first input marked invalid in the form, so that a
 * keyboard or screen reader user lands on the error instead of searching for it. `attempt`
 * changes with every save attempt. A layout effect: focus moves in the same commit that shows
 * the error, before anyone (a screen reader, a test) observes the page without it.
 */
// Mantine's PasswordInput marks its input with data-invalid only, not aria-invalid.
const invalid = '[aria-invalid="true"], input[data-invalid]';

export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, attempt: number) {
  useLayoutEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>(invalid)?.focus();
  }, [attempt, formRef]);
}
