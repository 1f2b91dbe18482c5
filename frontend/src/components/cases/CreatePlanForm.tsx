// Creating a child's support plan from a completed assessment, for a project the child was
// accepted into; the new plan's editor opens.
import { NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput, dateProblem, isDate } from '../../lib/DateInput';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { PlanKind } from '../../gql/graphql';
import type { ChildData } from '../../pages/cases/childQuery';
import { problemAt } from '../../lib/caseErrors';
import { formatOptionalDate } from '../../lib/dates';
import { planKinds } from './enums';
import { FormProblem } from '../FormProblem';
import { parseMoneyInput } from '../../lib/money';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../lib/useForm';
import { FormActions } from '../FormActions';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';

export const createSupportPlanMutation = graphql(`
  mutation CreateSupportPlan($input: CreateSupportPlanInput!) {
    createSupportPlan(input: $input) {
      revision {
        id
        plan {
          id
          child {
            id
          }
        }
      }
    }
  }
`);

const planFields = ['assessmentId', 'projectId', 'kind', 'validFrom', 'validTo', 'budget'] as const;
type PlanField = (typeof planFields)[number];

export function CreatePlanForm({ child, onDone }: { child: ChildData; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCaseMutation(createSupportPlanMutation);
  const completed = child.assessments.filter((a) => a.status === 'COMPLETED');
  // A plan is paid by a project the child was accepted into.
  const projects = [...new Map(child.applications.filter((a) => a.status === 'ACCEPTED').map((a) => [a.project.id, a.project])).values()];
  const form = useForm<Record<PlanField, string>>({
    initial: {
    assessmentId: completed[0]?.id ?? '',
    projectId: projects[0]?.id ?? '',
    kind: 'SOCIAL_REHABILITATION',
    validFrom: '',
    validTo: '',
      budget: '',
    },
    validate: (v) => {
      const errors = requiredFields(v, planFields);
      if (v.budget.trim() !== '' && parseMoneyInput(v.budget) === null) errors.budget = 'plan.errors.money';
      const from = dateProblem(v.validFrom, { required: true });
      if (from) errors.validFrom = from;
      const to = dateProblem(v.validTo, { required: true, min: isDate(v.validFrom) ? v.validFrom : undefined });
      if (to) errors.validTo = to;
      return errors;
    },
    serverError: problemAt(create.problem, t),
  });
  const { values: v, set, error: errorAt } = form;

  const send = async (v: Record<PlanField, string>) => {
    const budget = parseMoneyInput(v.budget) ?? v.budget;
    const done = await create.run({
      input: { assessmentId: v.assessmentId, projectId: v.projectId, kind: v.kind as PlanKind, validFrom: v.validFrom, validTo: v.validTo, budget },
    });
    if (done) {
      onDone();
      navigate(`/plans/${encodeURIComponent(done.createSupportPlan.revision.plan.id)}`);
    }
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <Paper withBorder p="md" mb="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate aria-labelledby="create-plan-title">
        <Stack gap="md">
          <Title order={3} id="create-plan-title">
            {t('plans.createTitle')}
          </Title>
          <FormProblem problem={create.problem} placed={(f) => (planFields as readonly string[]).includes(f)} />
          {projects.length === 0 && <Text size="sm">{t('plans.needsAcceptedApplication')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <NativeSelect
              label={t('plans.assessment')}
              required
              value={v.assessmentId}
              name="assessmentId"
              onChange={(e) => set('assessmentId', e.currentTarget.value)}
              data={[
                { value: '', label: t('caseForm.choose') },
                ...completed.map((a) => ({ value: a.id, label: `${formatOptionalDate(a.completedOn)}, ${a.provider.name}` })),
              ]}
              error={errorAt('assessmentId')}
            />
            <NativeSelect
              label={t('plans.project')}
              required
              value={v.projectId}
              name="projectId"
              onChange={(e) => set('projectId', e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
              error={errorAt('projectId')}
            />
            <NativeSelect
              label={t('plans.kind')}
              required
              value={v.kind}
              name="kind"
              onChange={(e) => set('kind', e.currentTarget.value)}
              data={planKinds.map((k) => ({ value: k, label: t(`planKind.${k}`) }))}
              error={errorAt('kind')}
            />
            <DateInput
              label={t('plan.validFrom')}
              required
              value={v.validFrom}
              max={isDate(v.validTo) ? v.validTo : undefined}
              name="validFrom"
              onChange={(value) => set('validFrom', value)}
              error={errorAt('validFrom')}
            />
            <DateInput
              label={t('plan.validTo')}
              required
              value={v.validTo}
              min={isDate(v.validFrom) ? v.validFrom : undefined}
              name="validTo"
              onChange={(value) => set('validTo', value)}
              error={errorAt('validTo')}
            />
            <TextInput
              label={t('plan.budget')}
              description={t('plan.moneyHint')}
              required
              inputMode="decimal"
              value={v.budget}
              name="budget"
              onChange={(e) => set('budget', e.currentTarget.value)}
              error={errorAt('budget')}
            />
          </SimpleGrid>
          {unsaved.guard}
      <FormActions submitLabel={t('plans.createSubmit')} busy={create.busy} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}
