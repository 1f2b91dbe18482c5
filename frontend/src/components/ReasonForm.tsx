// The form of a decision that needs a reason in words (rejecting, returning): one required text
// and a red submit. The caller keeps the form's state (useForm), so that text typed before a
// cancel is still there when the form is opened again.
import { Stack, Textarea } from '@mantine/core';
import type { useForm } from '../lib/useForm';
import { FormActions } from './FormActions';

export function ReasonForm<F extends string>({
  form,
  field,
  label,
  rows,
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
  submitLabel: string;
  busy: boolean;
  onSend: (values: Record<F, string>) => Promise<void>;
  onCancel: () => void;
}) {
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(onSend)} noValidate>
      <Stack gap="sm">
        <Textarea
          label={label}
          required
          rows={rows}
          // The button that opened the form is gone: focus goes to where the reason is typed.
          autoFocus
          value={form.values[field]}
          onChange={(e) => form.set(field, e.currentTarget.value)}
          error={form.error(field)}
        />
        <FormActions submitLabel={submitLabel} busy={busy} color="red.9" onCancel={onCancel} />
      </Stack>
    </form>
  );
}
