// The dialog itself: Mantine's Modal, in a chunk of its own (see ConfirmDialog).
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfirmOptions } from './ConfirmDialog';

export function ConfirmModal({
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

