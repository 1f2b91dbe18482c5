import { Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemAt } from '../../../lib/caseErrors';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import type { AssessmentData } from './assessmentData';
import { cancelAssessmentMutation } from './assessmentQueries';
import { FormActions } from '../../FormActions';

/** Cancels a scheduled assessment, with the reason. */
export function CancelForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const cancel = useCaseMutation(cancelAssessmentMutation);
  const form = useForm({ initial: { reason: '' }, validate: (v) => requiredFields(v, ['reason']), serverError: problemAt(cancel.problem, t) });
  const send = async ({ reason }: { reason: string }) => {
    if (await cancel.run({ input: { id: a.id, version: a.version, reason: reason.trim() } })) onDone(true);
  };
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack gap="sm" mt="md">
        <FormProblem problem={cancel.problem} placed={(f) => f === 'reason'} />
        <Textarea
          label={t('assessments.cancelReason')}
          required
          rows={2}
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.error('reason')}
        />
        <FormActions submitLabel={t('assessments.cancelSubmit')} busy={cancel.busy} color="red.9" onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
