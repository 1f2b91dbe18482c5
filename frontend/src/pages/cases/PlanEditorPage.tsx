// The plan editor: a support plan with the revision being prepared (the pending one, else the
// one in force), its budget use, the workflow steps the viewer may take, for a plan put into
// effect its usage and delivery log with quick entry, and the revision history with
// differences between any two revisions. A table of contents leads to its sections (#budget,
// #revision, #workflow, ...); on paper it is the plan alone, with lines for the signatures.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
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
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';
import { Loading, QueryError } from '../../components/QueryStatus';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ScrollToHash, SectionAnchor, SectionNav, type PageSection } from '../../components/PageSections';
import { planPdfHref, PlanPrint, usePrinting } from './PlanPrint';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { UpdatePlanDraftInput } from '../../gql/graphql';
import { CaseNotFound } from './CaseNotFound';
import { childName } from './childName';
import { planEditorQuery, updatePlanDraftMutation, type PlanData } from './planQuery';

// The usage, quick entry and the delivery log load after the plan: the editor's first load
// stays within its budget.
const PlanDeliveries = lazyNamed(() => import('../../components/deliveries/PlanDeliveries'), 'PlanDeliveries');

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

  const printing = usePrinting();
  const named = plan.child.firstName != null || plan.child.lastName != null || plan.child.personalCode != null;
  const childPath = `/children/${encodeURIComponent(plan.child.id)}`;
  const delivered = hasDeliveries(plan);
  const sections: PageSection[] = [
    { id: 'budget', label: t('plan.budgetTitle') },
    { id: 'revision', label: t('layout.planContent') },
    { id: 'workflow', label: t('plan.workflow') },
    ...(delivered ? [{ id: 'deliveries', label: t('layout.planDeliveries') }] : []),
    { id: 'history', label: t('plan.history') },
  ];

  return (
    <Fragment>
      <Stack gap="xl" className="screen-only">
        <div>
          <Breadcrumbs
            items={[
              { label: t('breadcrumbs.children'), to: '/children' },
              { label: name, to: childPath },
              { label: t(`planKind.${plan.kind}`) },
            ]}
          />
          <Group gap="sm" mt="xs" align="center">
            <Title order={1}>{title}</Title>
            <Badge variant="outline" size="lg" color={statusColor(plan.status)}>
              {t(`planStatus.${plan.status}`)}
            </Badge>
          </Group>
          <Group gap="sm" mt="sm">
            <Button variant="outline" onClick={() => window.print()}>
              {t('print.print')}
            </Button>
            {/* The PDF names the child: the server gives it to whoever sees the child's name. */}
            {named && (
              <Anchor href={planPdfHref(edited)} fw={500}>
                {t('print.downloadPdf')}
              </Anchor>
            )}
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

        <SectionNav sections={sections} />

        {edited.status === 'DRAFT' && edited.returnComment && (
          <Alert color="yellow.9" variant="outline" title={t('plan.returnedTitle')}>
            <Text>{edited.returnComment}</Text>
          </Alert>
        )}

        <SectionAnchor id="budget">
          <section aria-labelledby="budget-title">
            <Title order={2} id="budget-title" mb="sm">
              {t('plan.budgetTitle')}
            </Title>
            <BudgetBar budget={edited.budget} linesTotal={edited.linesTotal} unplanned={edited.budgetUnplanned} />
          </section>
        </SectionAnchor>

        {saved && !unsaved && (
          <Text role="status" c="teal.9" fw={500}>
            {t('plan.saved')}
          </Text>
        )}

        <SectionAnchor id="revision">
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
        </SectionAnchor>

        <SectionAnchor id="workflow">
          <PlanWorkflow plan={plan} edited={edited} unsaved={unsaved} onReload={reload} />
        </SectionAnchor>
        {delivered && (
          <SectionAnchor id="deliveries">
            <Stack gap="xl">
              <Suspense fallback={<Loading />}>
                <PlanDeliveries plan={plan} />
              </Suspense>
            </Stack>
          </SectionAnchor>
        )}
        <SectionAnchor id="history">
          <PlanHistory plan={plan} />
        </SectionAnchor>
        <PlanClosing plan={plan} unsaved={unsaved} onReload={reload} />
        <ScrollToHash />
        {guard.guard}
      </Stack>
      {printing && <PlanPrint plan={plan} revision={edited} />}
    </Fragment>
  );
}
