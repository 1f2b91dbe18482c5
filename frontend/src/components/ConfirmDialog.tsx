// The question before a step that cannot be undone: a modal dialog that names the step
// (title), says what will happen (text), and offers to confirm or cancel. Focus starts on
// Cancel, so that Enter pressed by habit does nothing harmful; Escape cancels; when the dialog
// closes, focus goes back to the control that opened it (Mantine's Modal remembers it).
import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  title: string;
  /** What will happen, in words. */
  text: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red Confirm button: the step removes or ends something. */
  danger?: boolean;
}

export function ConfirmDialog({
  opened,
  onConfirm,
  onCancel,
  title,
  text,
  confirmLabel,
  cancelLabel,
  danger = false,
}: ConfirmOptions & { opened: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered returnFocus trapFocus closeOnEscape withCloseButton={false}>
      <Text mb="lg">{text}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {cancelLabel ?? t('confirm.cancel')}
        </Button>
        <Button color={danger ? 'red.9' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
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
