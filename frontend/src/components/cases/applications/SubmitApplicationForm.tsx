import { NativeSelect, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { DateInput, dateProblem } from '../../../lib/DateInput';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { problemAt } from '../../../lib/caseErrors';
import { todayInRiga } from '../../../lib/dates';
import { useProjects } from '../../../lib/referenceData';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { submitApplicationMutation } from './applicationQueries';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

type SubmitValues = { projectId: string; applicantId: string; submittedOn: string };

/** Submits an application of the child to a project, by a parent or by nobody in particular. */
export function SubmitApplicationForm({ child, onDone }: { child: ChildData; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const submit = useCaseMutation(submitApplicationMutation);
  const form = useForm<SubmitValues>({
    initial: () => ({ projectId: '', applicantId: '', submittedOn: todayInRiga() }),
    validate: (v) => {
      const errors = requiredFields(v, ['projectId', 'submittedOn']);
      const day = dateProblem(v.submittedOn, { required: true, max: todayInRiga() });
      if (day) errors.submittedOn = day;
      return errors;
    },
    serverError: problemAt(submit.problem, t),
  });
  const v = form.values;

  const send = async ({ projectId, applicantId, submittedOn }: SubmitValues) => {
    if (await submit.run({ input: { childId: child.id, projectId, applicantId: applicantId || null, submittedOn } })) onDone(true);
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <Paper withBorder p="md" mb="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate aria-labelledby="submit-application-title">
        <Stack gap="md">
          <Title order={3} id="submit-application-title">
            {t('applications.addTitle')}
          </Title>
          <FormProblem problem={submit.problem} placed={(f) => ['projectId', 'applicantId', 'submittedOn'].includes(f)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              label={t('applications.project')}
              required
              value={v.projectId}
              name="projectId"
              onChange={(e) => form.set('projectId', e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...projects.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))]}
              error={form.error('projectId')}
            />
            <NativeSelect
              label={t('applications.applicant')}
              value={v.applicantId}
              name="applicantId"
              onChange={(e) => form.set('applicantId', e.currentTarget.value)}
              data={[
                { value: '', label: t('applications.noApplicant') },
                ...child.parents.map((l) => ({ value: l.parent.id, label: `${l.parent.lastName} ${l.parent.firstName}` })),
              ]}
              error={form.error('applicantId')}
            />
            <DateInput
              label={t('applications.submittedOn')}
              required
              value={v.submittedOn}
              max={todayInRiga()}
              name="submittedOn"
              onChange={(value) => form.set('submittedOn', value)}
              error={form.error('submittedOn')}
            />
          </SimpleGrid>
          {unsaved.guard}
      <FormActions submitLabel={t('applications.addSubmit')} busy={submit.busy} onCancel={() => onDone()} />
        </Stack>
      </form>
    </Paper>
  );
}
