// The question before a step that cannot be undone: a modal dialog that names the step
// (title), says what will happen (text), and offers to confirm or cancel. Focus starts on
// Cancel, so that Enter pressed by habit does nothing harmful; Escape cancels; when the dialog
// closes, focus goes back to the control that opened it (Mantine's Modal remembers it).
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { lazyNamed } from '../lib/lazyNamed';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in words. */
  text: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red Confirm button: the step removes or ends something. */
  danger?: boolean;
}

// The Modal is loaded on its own, once a component that may ask is shown: the pages that ask
// stay within the first-load budget.
const loadModal = () => import('../lib/overlays');
const ConfirmModal = lazyNamed(loadModal, 'ConfirmModal');

export function ConfirmDialog(props: ConfirmOptions & { opened: boolean; onConfirm: () => void; onCancel: () => void }) {
  useEffect(() => {
    void loadModal();
  }, []);
  // Rendered once it has opened, so that it can close with its transition.
  const [shown, setShown] = useState(false);
  if (props.opened && !shown) setShown(true);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmModal {...props} />
    </Suspense>
  );
}

/**
 * Asks before a step: `await confirm.ask({...})` is true once the user confirmed, false when
 * they cancelled. Render `confirm.dialog` somewhere in the component.
 */
export function useConfirm() {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (o: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setOptions(o);
      }),
    [],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOptions(null);
  };
  // The last options stay while the dialog closes, so that its text does not vanish mid-way.
  const last = useRef<ConfirmOptions | null>(null);
  if (options) last.current = options;
  const shown = options ?? last.current;
  const dialog = shown ? <ConfirmDialog opened={options !== null} {...shown} onConfirm={() => answer(true)} onCancel={() => answer(false)} /> : null;
  return { ask, dialog };
}
