import { NativeSelect, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { DateInput, dateProblem } from '../../../lib/DateInput';
import { useTranslation } from 'react-i18next';
import { problemAt } from '../../../lib/caseErrors';
import { useProviders } from '../../../lib/referenceData';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { requiredFields, useForm, type FieldErrors } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { completeTeam, emptyMember, type TeamRow } from './assessmentData';
import { scheduleAssessmentMutation } from './assessmentQueries';
import { TeamInputs } from './TeamInputs';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

type ScheduleValues = { providerId: string; scheduledOn: string; team: TeamRow[] };
const fields = ['providerId', 'scheduledOn', 'team'];

function check(v: ScheduleValues): FieldErrors<keyof ScheduleValues> {
  const errors: FieldErrors<keyof ScheduleValues> = requiredFields(v, ['providerId', 'scheduledOn']);
  if (completeTeam(v.team).length === 0) errors.team = 'child.errors.required';
  const day = dateProblem(v.scheduledOn, { required: true });
  if (day) errors.scheduledOn = day;
  return errors;
}

/** Schedules an assessment of the child by a provider's team. */
export function ScheduleForm({ childId, onDone }: { childId: string; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const providers = useProviders();
  const schedule = useCaseMutation(scheduleAssessmentMutation);
  const form = useForm<ScheduleValues>({
    initial: { providerId: '', scheduledOn: '', team: [emptyMember] },
    validate: check,
    serverError: problemAt(schedule.problem, t),
  });
  const v = form.values;

  const send = async ({ providerId, scheduledOn, team }: ScheduleValues) => {
    if (await schedule.run({ input: { childId, providerId, scheduledOn, team: completeTeam(team) } })) onDone(true);
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <Paper withBorder p="md" mb="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate aria-labelledby="schedule-title">
        <Stack gap="md">
          <Title order={3} id="schedule-title">
            {t('assessments.scheduleTitle')}
          </Title>
          <FormProblem problem={schedule.problem} placed={(f) => fields.includes(f)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('assessments.provider')}
              required
              value={v.providerId}
              name="providerId"
              onChange={(e) => form.set('providerId', e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
              error={form.error('providerId')}
            />
            <DateInput
              label={t('assessments.scheduledOn')}
              required
              value={v.scheduledOn}
              name="scheduledOn"
              onChange={(value) => form.set('scheduledOn', value)}
              error={form.error('scheduledOn')}
            />
          </SimpleGrid>
          <TeamInputs team={v.team} onChange={(team) => form.set('team', team)} error={form.error('team')} />
          {unsaved.guard}
      <FormActions submitLabel={t('assessments.scheduleSubmit')} busy={schedule.busy} onCancel={() => onDone()} />
        </Stack>
      </form>
    </Paper>
  );
}
