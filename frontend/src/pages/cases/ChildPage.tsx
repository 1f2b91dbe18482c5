// A child's case: their data, parents, applications, assessments, support plans and what is
// used of the projects' caps. The id is
// the child's global id; an id the caller may not see answers null, exactly as one that does
// not exist, and both show "not found".
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationsSection } from '../../components/cases/applications/ApplicationsSection';
import { toChildInput, type ChildFormValues } from '../../components/cases/childFormValues';
import { formatOptionalDate, formatPeriod } from '../../lib/dates';
import { Facts } from '../../components/cases/Facts';
import { ParentsSection } from '../../components/cases/parents/ParentsSection';
import { PlansSection } from '../../components/cases/PlansSection';
import { useMunicipalities } from '../../lib/referenceData';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { ChildCaps } from '../../components/deliveries/ChildCaps';
import { Loading, QueryError } from '../../components/QueryStatus';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { SuccessMessage } from '../../components/SuccessMessage';
import { ScrollToHash, SectionAnchor, SectionNav, type PageSection } from '../../components/PageSections';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql';
import { childPageQuery, type ChildData } from './childQuery';
import { childName } from './childName';
import { CaseNotFound } from './CaseNotFound';
import { lazyNamed } from '../../lib/lazyNamed';
import { lazyPreloaded, usePreload } from '../../lib/lazyPreloaded';

// The assessments' forms (team, findings, recommended services with their amounts) are the
// largest part of this page and are below the fold: loaded after the rest, the page opened on
// its own address stays within the first-load budget (scripts/bundle-budget.mjs).
// The child's form, too, is loaded when it is opened.
const ChildForm = lazyPreloaded(() => import('../../components/cases/ChildForm'), 'ChildForm');
const AssessmentsSection = lazyNamed(
  () => import('../../components/cases/assessments/AssessmentsSection'),
  'AssessmentsSection',
);

export const updateChildMutation = graphql(`
  mutation UpdateChild($input: UpdateChildInput!) {
    updateChild(input: $input) {
      child {
        id
        version
      }
    }
  }
`);

export function ChildPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: childPageQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loading />;
  if (error && !data) {
    // An id that is not one of this API is no child either.
    if (error.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'NOT_FOUND')) {
      return <CaseNotFound kind="child" />;
    }
    return <QueryError error={error} onRetry={reload} />;
  }
  const child = data?.node?.__typename === 'Child' ? data.node : null;
  if (!child) return <CaseNotFound kind="child" />;
  return <ChildCase child={child} reload={reload} title={t('child.title', { name: childName(child, t('child.pseudonymous')) })} />;
}

/** The sections of a child's page, in order, by their anchors (#data, #parents, ...). */
export const childSectionIds = ['data', 'parents', 'applications', 'assessments', 'plans', 'caps'] as const;

function ChildCase({ child, reload, title }: { child: ChildData; reload: () => void; title: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  // What the server says the viewer may do with this child's case (its records, applications,
  // assessments and plans); the assessments and applications answer for themselves too.
  const editable = child.viewerCan.edit;
  // Caps count the deliveries of the child's plans: without a plan there is nothing to show.
  const hasCaps = child.supportPlans.length > 0;
  // Arriving from the registration form: say that it worked (a reload keeps the state, which
  // is harmless: the child was registered).
  const registered = (useLocation().state as { registered?: boolean } | null)?.registered === true;
  const sections: PageSection[] = [
    { id: 'data', label: t('child.dataTitle') },
    { id: 'parents', label: t('parents.title') },
    { id: 'applications', label: t('applications.title') },
    { id: 'assessments', label: t('assessments.title') },
    { id: 'plans', label: t('plans.title') },
    ...(hasCaps ? [{ id: 'caps', label: t('caps.title') }] : []),
  ];

  return (
    <Stack gap="xl">
      <div>
        <Breadcrumbs items={[{ label: t('breadcrumbs.children'), to: '/children' }, { label: title }]} />
        <Title order={1} mt="xs">
          {title}
        </Title>
        <SuccessMessage message={registered ? t('success.childRegistered') : null} />
      </div>
      <SectionNav sections={sections} />
      <SectionAnchor id="data">
        <ChildDataSection child={child} editable={editable} reload={reload} />
      </SectionAnchor>
      <SectionAnchor id="parents">
        <ParentsSection child={child} editable={editable} reload={reload} />
      </SectionAnchor>
      <SectionAnchor id="applications">
        <ApplicationsSection child={child} editable={editable} />
      </SectionAnchor>
      <SectionAnchor id="assessments">
        <Suspense fallback={<Loading />}>
          <AssessmentsSection child={child} editable={editable} />
          {/* Once the lazy section is in, the sections after it are where they will stay: a
              deep link's section is scrolled to then. */}
          <ScrollToHash />
        </Suspense>
      </SectionAnchor>
      <SectionAnchor id="plans">
        <PlansSection child={child} editable={editable} />
      </SectionAnchor>
      {hasCaps && (
        <SectionAnchor id="caps">
          <ChildCaps childId={child.id} />
        </SectionAnchor>
      )}
    </Stack>
  );
}

function valuesOf(c: ChildData): ChildFormValues {
  return {
    personalCode: c.personalCode ?? '',
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    birthDate: c.birthDate ?? '',
    sex: c.sex,
    municipalityId: c.municipality.id,
    livingArrangement: c.livingArrangement,
    disabilityFrom: c.disabilityFrom ?? '',
    disabilityTo: c.disabilityTo ?? '',
    specialCareNeedFrom: c.specialCareNeedFrom ?? '',
    specialCareNeedTo: c.specialCareNeedTo ?? '',
    impairments: c.impairments,
  };
}

function ChildDataSection({ child, editable, reload }: { child: ChildData; editable: boolean; reload: () => void }) {
  usePreload(ChildForm);
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const municipalities = useMunicipalities();
  const update = useCaseMutation(updateChildMutation);
  // The form starts from the version it was opened on: a save names that version, so that a
  // change someone else saved meanwhile is not overwritten but answered with CONFLICT.
  const [base, setBase] = useState(child);
  const [done, setDone] = useState<string | null>(null);

  const open = () => {
    setDone(null);
    update.setProblem(null);
    setBase(child);
    setEditing(true);
  };
  const save = async (values: ChildFormValues) => {
    const done = await update.run({ input: { id: base.id, version: base.version, child: toChildInput(values) } });
    if (done) {
      setEditing(false);
      setDone(t('success.childSaved'));
    }
  };
  const reloadAndReopen = () => {
    // The page loads the newest version; the form then opens afresh on it.
    setEditing(false);
    update.setProblem(null);
    reload();
  };

  // A municipality the list does not offer (a worker's, for instance) must still be shown.
  const options = municipalities.some((m) => m.id === child.municipality.id) ? municipalities : [child.municipality, ...municipalities];

  return (
    <section aria-labelledby="child-data">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-data">
          {t('child.dataTitle')}
        </Title>
        {editable && !editing && (
          <Button variant="outline" onClick={open}>
            {t('child.edit')}
          </Button>
        )}
      </Group>
      <SuccessMessage message={done} />
      {editing ? (
        <Paper withBorder p="md">
          <ChildForm
            initial={valuesOf(base)}
            municipalities={options}
            submitLabel={t('caseForm.save')}
            busy={update.busy}
            problem={update.problem}
            onSubmit={save}
            onCancel={() => setEditing(false)}
            onReload={reloadAndReopen}
          />
        </Paper>
      ) : (
        <Facts
          items={[
            { label: t('child.personalCode'), value: child.personalCode ?? '—' },
            { label: t('child.birthDate'), value: child.birthDate ? formatOptionalDate(child.birthDate) : String(child.birthYear) },
            { label: t('child.sex'), value: t(`sex.${child.sex}`) },
            { label: t('child.municipality'), value: <span lang="lv">{child.municipality.name}</span> },
            { label: t('child.livingArrangement'), value: t(`livingArrangement.${child.livingArrangement}`) },
            { label: t('child.disability'), value: formatPeriod(child.disabilityFrom, child.disabilityTo) },
            { label: t('child.specialCareNeed'), value: formatPeriod(child.specialCareNeedFrom, child.specialCareNeedTo) },
            {
              label: t('child.impairments'),
              value:
                child.impairments.length === 0 ? (
                  '—'
                ) : (
                  <Group gap={4} component="span">
                    {child.impairments.map((k) => (
                      <Badge key={k} variant="outline" color="gray.8" component="span">
                        {t(`impairment.${k}`)}
                      </Badge>
                    ))}
                  </Group>
                ),
            },
          ]}
        />
      )}
      {!editable && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('child.readOnly')}
        </Text>
      )}
    </section>
  );
}
