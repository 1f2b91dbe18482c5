// The form of a decision that needs a reason in words (rejecting, returning): one required text
// and a red submit. The caller keeps the form's state (useForm), so that text typed before a
// cancel is still there when the form is opened again.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useForm } from '../lib/useForm';

export function ReasonForm<F extends string>({
  form,
  field,
  label,
  rows,
  autoFocus,
  submitLabel,
  busy,
  onSend,
  onCancel,
}: {
  form: ReturnType<typeof useForm<Record<F, string>, F>>;
  /** The field's name as the server gives it ("reason", "comment"). */
  field: F;
  label: string;
  rows: number;
  autoFocus?: boolean;
  submitLabel: string;
  busy: boolean;
  onSend: (values: Record<F, string>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(onSend)} noValidate>
      <Stack gap="sm">
        <Textarea
          label={label}
          required
          rows={rows}
          autoFocus={autoFocus}
          value={form.values[field]}
          onChange={(e) => form.set(field, e.currentTarget.value)}
          error={form.error(field)}
        />
        <Group>
          <Button type="submit" color="red.9" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
