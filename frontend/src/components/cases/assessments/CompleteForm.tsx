import { Stack, Text } from '@mantine/core';
import { DateInput, dateProblem } from '../../../lib/DateInput';
import type { FieldErrors } from '../../../lib/useForm';
import { useTranslation } from 'react-i18next';
import { problemAt } from '../../../lib/caseErrors';
import { todayInRiga } from '../../../lib/dates';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import type { AssessmentData } from './assessmentData';
import { completeAssessmentMutation } from './assessmentQueries';
import { FormActions } from '../../FormActions';

/** Completes an assessment on a day (today unless changed); it needs findings first. */
export function CompleteForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const complete = useCaseMutation(completeAssessmentMutation);
  const form = useForm({
    initial: { completedOn: todayInRiga() },
    validate: (v): FieldErrors<'completedOn'> => {
      const problem = dateProblem(v.completedOn, { required: true, max: todayInRiga() });
      return problem ? { completedOn: problem } : {};
    },
    serverError: problemAt(complete.problem, t),
  });
  const send = async ({ completedOn }: { completedOn: string }) => {
    if (await complete.run({ input: { id: a.id, version: a.version, completedOn } })) onDone(true);
  };
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack gap="sm" mt="md">
        <FormProblem problem={complete.problem} placed={(f) => f === 'completedOn'} />
        <DateInput
          label={t('assessments.completedOn')}
          required
          value={form.values.completedOn}
          max={todayInRiga()}
          onChange={(value) => form.set('completedOn', value)}
          error={form.error('completedOn')}
          maw="16rem"
        />
        {a.findings.length === 0 && <Text size="sm">{t('assessments.completeNeedsFindings')}</Text>}
        <FormActions submitLabel={t('assessments.completeSubmit')} busy={complete.busy} disabled={a.findings.length === 0} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
