// The dialog of ConfirmDialog, without Mantine's Modal (which would put several kB more on the
// first load of the pages that ask): a modal dialog over the page, the page made inert behind
// it, Tab kept inside, Escape cancels, focus back to where it was when it closes.
import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ConfirmOptions } from './ConfirmDialog';
import classes from './ConfirmModal.module.css';

export function ConfirmModal({
  onConfirm,
  onCancel,
  title,
  text,
  confirmLabel,
  cancelLabel,
  danger = false,
}: ConfirmOptions & { onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    const root = document.getElementById('root');
    const wasInert = root?.inert ?? false;
    if (root) root.inert = true;
    cancel.current?.focus();
    return () => {
      if (root) root.inert = wasInert;
      // After the page is usable again: the control that opened the dialog gets focus back.
      if (back?.isConnected) back.focus();
    };
  }, []);

  return createPortal(
    <div className={classes.overlay}>
      <Paper
        ref={box}
        className={classes.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        shadow="xl"
        p="lg"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Tab') {
            // Tab stays within the dialog's buttons.
            const buttons = [...(box.current?.querySelectorAll<HTMLElement>('button') ?? [])];
            const i = buttons.indexOf(document.activeElement as HTMLElement);
            const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : i === buttons.length - 1 ? 0 : i + 1;
            e.preventDefault();
            buttons[next]?.focus();
          }
        }}
      >
        <Title order={2} size="h4" id={titleId} mb="sm">
          {title}
        </Title>
        <Text id={textId} mb="lg">
          {text}
        </Text>
        <Group justify="flex-end">
          <Button ref={cancel} variant="default" onClick={onCancel}>
            {cancelLabel ?? t('confirm.cancel')}
          </Button>
          <Button color={danger ? 'red.9' : undefined} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Paper>
    </div>,
    document.body,
  );
}
