// The plan editor: a support plan with the revision being prepared (the pending one, else the
// one in force), its budget use, the workflow steps the viewer may take, for a plan put into
// effect its usage and delivery log with quick entry, and the revision history with
// differences between any two revisions.
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { statusColor } from '../../components/cases/statusColor';
import { BudgetBar } from '../../components/cases/BudgetBar';
import { Facts } from '../../components/cases/Facts';
import { PlanDraftForm } from '../../components/cases/PlanDraftForm';
import { PlanHistory } from '../../components/cases/PlanHistory';
import { PlanRevisionView } from '../../components/cases/PlanRevisionView';
import { PlanClosing, PlanWorkflow } from '../../components/cases/PlanWorkflow';
import { hasDeliveries } from '../../components/deliveries/hasDeliveries';
import { lazyNamed } from '../../lib/lazyNamed';

// The usage, quick entry and the delivery log load after the plan: the editor's first load
// stays within its budget.
const PlanDeliveries = lazyNamed(() => import('../../components/deliveries/PlanDeliveries'), 'PlanDeliveries');
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';
import { Loading, QueryError } from '../../components/QueryStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { UpdatePlanDraftInput } from '../../gql/graphql';
import { CaseNotFound } from './CaseNotFound';
import { childName } from './childName';
import { planEditorQuery, updatePlanDraftMutation, type PlanData } from './planQuery';

export function PlanEditorPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: planEditorQuery, variables: { id } });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (fetching && !data) return <Loading />;
  if (error && !data) {
    if (error.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'NOT_FOUND')) {
      return <CaseNotFound kind="plan" />;
    }
    return <QueryError error={error} onRetry={reload} />;
  }
  const plan = data?.node?.__typename === 'SupportPlan' ? data.node : null;
  if (!plan) return <CaseNotFound kind="plan" />;
  return <PlanEditor plan={plan} reload={reload} />;
}

function PlanEditor({ plan, reload }: { plan: PlanData; reload: () => void }) {
  const { t } = useTranslation();
  const name = childName(plan.child, t('child.pseudonymous'));
  const title = t('plan.title', { kind: t(`planKind.${plan.kind}`), name });
  useDocumentTitle(title);
  const edited = plan.pending ?? plan.current;
  const save = useCaseMutation(updatePlanDraftMutation);
  const [unsaved, setUnsaved] = useState(false);
  const [saved, setSaved] = useState(false);
  const guard = useUnsavedChanges(unsaved);

  const onSave = guard.whileSaving(async (input: UpdatePlanDraftInput) => {
    setSaved(false);
    if (await save.run({ input })) {
      setSaved(true);
      setUnsaved(false);
    }
  });
  const reloadAfterConflict = () => {
    save.setProblem(null);
    setUnsaved(false);
    reload();
  };

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={`/children/${encodeURIComponent(plan.child.id)}`}>
          {t('plan.backToChild', { name })}
        </Anchor>
        <Group gap="sm" mt="xs" align="center">
          <Title order={1}>{title}</Title>
          <Badge variant="outline" size="lg" color={statusColor(plan.status)}>
            {t(`planStatus.${plan.status}`)}
          </Badge>
        </Group>
        <Paper withBorder p="md" mt="md">
          <Facts
            items={[
              { label: t('plan.child'), value: `${name}${plan.child.personalCode ? `, ${plan.child.personalCode}` : ''}` },
              { label: t('plan.project'), value: <span lang="lv">{`${plan.project.name} (${plan.project.code})`}</span> },
              { label: t('plan.kind'), value: t(`planKind.${plan.kind}`) },
              { label: t('plan.status'), value: t(`planStatus.${plan.status}`) },
              {
                label: t('plan.editedRevision'),
                value: t('plan.revisionOf', { number: edited.number, status: t(`planStatus.${edited.status}`) }),
              },
              ...(plan.pending && plan.pending.id !== plan.current.id
                ? [{ label: t('plan.inForce'), value: t('plan.revisionOf', { number: plan.current.number, status: t(`planStatus.${plan.current.status}`) }) }]
                : []),
            ]}
          />
        </Paper>
      </div>

      {edited.status === 'DRAFT' && edited.returnComment && (
        <Alert color="yellow.9" variant="outline" title={t('plan.returnedTitle')}>
          <Text>{edited.returnComment}</Text>
        </Alert>
      )}

      <section aria-labelledby="budget-title">
        <Title order={2} id="budget-title" mb="sm">
          {t('plan.budgetTitle')}
        </Title>
        <BudgetBar budget={edited.budget} linesTotal={edited.linesTotal} unplanned={edited.budgetUnplanned} />
      </section>

      {saved && !unsaved && (
        <Text role="status" c="teal.9" fw={500}>
          {t('plan.saved')}
        </Text>
      )}

      {edited.status === 'DRAFT' && plan.viewerCan.editDraft ? (
        <Paper withBorder p="md">
          {/* A new version (after a save) starts the form afresh from the server's figures. */}
          <PlanDraftForm
            key={`${edited.id}:${edited.version}`}
            revision={edited}
            busy={save.busy}
            problem={save.problem}
            onSave={onSave}
            onDirtyChange={setUnsaved}
            onReload={reloadAfterConflict}
          />
        </Paper>
      ) : (
        <PlanRevisionView revision={edited} />
      )}

      <PlanWorkflow plan={plan} edited={edited} unsaved={unsaved} onReload={reload} />
      {hasDeliveries(plan) && (
        <Suspense fallback={<Loading />}>
          <PlanDeliveries plan={plan} />
        </Suspense>
      )}
      <PlanHistory plan={plan} />
      <PlanClosing plan={plan} unsaved={unsaved} onReload={reload} />
      {guard.guard}
    </Stack>
  );
}
