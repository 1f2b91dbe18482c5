// A child's support plans, with a link to each plan's editor, and creating a plan from a
// completed assessment for a project the child was accepted into.
import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, formatMoney } from '../../lib/format';
import { graphql } from '../../gql';
import type { PlanKind } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import type { ChildData } from '../../pages/cases/childQuery';
import { TableScroll } from '../TableScroll';
import { statusColor } from './statusColor';
import { problemAt } from '../../lib/caseErrors';
import { formatOptionalDate, formatPeriod } from '../../lib/dates';
import { planKinds } from './enums';
import { FormProblem } from '../FormProblem';
import { parseMoneyInput } from '../../lib/money';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../lib/useForm';

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

export function PlansSection({ child, editable }: { child: ChildData; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [creating, setCreating] = useState(false);
  const completed = child.assessments.filter((a) => a.status === 'COMPLETED');
  return (
    <section aria-labelledby="child-plans">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-plans">
          {t('plans.title')}
        </Title>
        {editable && !creating && completed.length > 0 && (
          <Button variant="outline" onClick={() => setCreating(true)}>
            {t('plans.create')}
          </Button>
        )}
      </Group>
      {editable && completed.length === 0 && <Text size="sm" mb="sm">{t('plans.needsAssessment')}</Text>}
      {creating && <CreatePlanForm child={child} onDone={() => setCreating(false)} />}
      {child.supportPlans.length === 0 ? (
        <Text>{t('plans.empty')}</Text>
      ) : (
        <TableScroll label={t('plans.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.plan')}</Table.Th>
                <Table.Th scope="col">{t('plans.project')}</Table.Th>
                <Table.Th scope="col">{t('plans.status')}</Table.Th>
                <Table.Th scope="col">{t('plans.period')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('plans.budget')}
                </Table.Th>
                <Table.Th scope="col">{t('plans.pending')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {child.supportPlans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/plans/${encodeURIComponent(p.id)}`}>
                      {t(`planKind.${p.kind}`)}, {formatDateTime(p.createdAt).slice(0, 10)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td lang="lv">{p.project.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={statusColor(p.status)}>
                      {t(`planStatus.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatPeriod(p.current.validFrom, p.current.validTo)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.current.budget, language)}
                  </Table.Td>
                  <Table.Td>
                    {p.pending && p.pending.id !== p.current.id
                      ? t('plans.pendingRevision', { number: p.pending.number, status: t(`planStatus.${p.pending.status}`) })
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

const planFields = ['assessmentId', 'projectId', 'kind', 'validFrom', 'validTo', 'budget'] as const;
type PlanField = (typeof planFields)[number];

function CreatePlanForm({ child, onDone }: { child: ChildData; onDone: () => void }) {
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

  return (
    <Paper withBorder p="md" mb="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-labelledby="create-plan-title">
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
              onChange={(e) => set('projectId', e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
              error={errorAt('projectId')}
            />
            <NativeSelect
              label={t('plans.kind')}
              required
              value={v.kind}
              onChange={(e) => set('kind', e.currentTarget.value)}
              data={planKinds.map((k) => ({ value: k, label: t(`planKind.${k}`) }))}
              error={errorAt('kind')}
            />
            <TextInput
              type="date"
              label={t('plan.validFrom')}
              required
              value={v.validFrom}
              onChange={(e) => set('validFrom', e.currentTarget.value)}
              error={errorAt('validFrom')}
            />
            <TextInput
              type="date"
              label={t('plan.validTo')}
              required
              value={v.validTo}
              onChange={(e) => set('validTo', e.currentTarget.value)}
              error={errorAt('validTo')}
            />
            <TextInput
              label={t('plan.budget')}
              description={t('plan.moneyHint')}
              required
              inputMode="decimal"
              value={v.budget}
              onChange={(e) => set('budget', e.currentTarget.value)}
              error={errorAt('budget')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.busy}>
              {t('plans.createSubmit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('caseForm.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
