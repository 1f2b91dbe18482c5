// The guard of a form with changes not yet saved: leaving the page inside the app (a link, the
// browser's Back) asks first, in the app's own dialog ("leave and lose changes?" / "stay");
// closing or reloading the tab gets the browser's own question (beforeunload).
//
// React Router supports one blocker at a time, so the blocker exists only while the form is
// dirty (two forms dirty at once share the question: the last one asks).
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from '../components/ConfirmDialog';

let passing = false;

/**
 * Lets the navigation started now pass every guard: the page a save goes on to (a new child's
 * page after registering it). It holds until the current task ends.
 */
export function passGuards() {
  passing = true;
  setTimeout(() => {
    passing = false;
  }, 0);
}

function Guard({ saving }: { saving: React.RefObject<boolean> }) {
  const { t } = useTranslation();
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      !saving.current && !passing && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [saving],
  );
  const blocker = useBlocker(shouldBlock);
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('unsaved.title')}
      text={t('unsaved.text')}
      confirmLabel={t('unsaved.leave')}
      cancelLabel={t('unsaved.stay')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}

/**
 * Guards a form while `dirty`. Render `guard` in the form's component. Wrap the send with
 * `whileSaving`, so that a page the send goes to afterwards (the new child's page, say) is not
 * asked about.
 */
export function useUnsavedChanges(dirty: boolean): {
  guard: ReactNode;
  whileSaving: <A extends unknown[], R>(send: (...args: A) => Promise<R>) => (...args: A) => Promise<R>;
} {
  const saving = useRef(false);
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      if (saving.current || passing) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers ask only when it is set
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  const whileSaving =
    <A extends unknown[], R>(send: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      saving.current = true;
      try {
        return await send(...args);
      } finally {
        saving.current = false;
      }
    };
  return { guard: dirty ? <Guard saving={saving} /> : null, whileSaving };
}
