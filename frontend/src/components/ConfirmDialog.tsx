// The question before a step that cannot be undone: a modal dialog that names the step
// (title), says what will happen (text), and offers to confirm or cancel. Focus starts on
// Cancel, so that Enter pressed by habit does nothing harmful; Escape cancels; when the dialog
// closes, focus goes back to the control that opened it (see ConfirmModal).
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ConfirmModal } from './ConfirmModal';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in words. */
  text: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red Confirm button: the step removes or ends something. */
  danger?: boolean;
}

export function ConfirmDialog({ opened, ...props }: ConfirmOptions & { opened: boolean; onConfirm: () => void; onCancel: () => void }) {
  return opened ? <ConfirmModal {...props} /> : null;
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
  const dialog = options ? <ConfirmDialog opened {...options} onConfirm={() => answer(true)} onCancel={() => answer(false)} /> : null;
  return { ask, dialog };
}
