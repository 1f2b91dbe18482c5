// Preparing a compensation claim: the municipality (the user's), a project it is a partner of,
// and a period; the preview shows what the claim would hold (totals per service and per
// funding source) and how many deliveries of the period still wait for verification; then
// the claim is submitted. Its idempotency key stays the same for retries of the same claim,
// so that a lost answer does not make a second claim.
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../auth/session';
import { problemAt, problemOf } from '../../lib/caseErrors';
import { DateInput } from '../../lib/DateInput';
import { parseDateInput, todayInRiga } from '../../lib/dates';
import { FormProblem } from '../../components/FormProblem';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useMunicipalities } from '../../lib/referenceData';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { requiredFields, useForm, type FieldErrors } from '../../lib/useForm';
import { Loading } from '../../components/QueryStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, formatMoney } from '../../lib/format';
import type { ClaimPeriodInput } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { claimPreviewQuery, claimProjectsQuery, submitClaimMutation } from './claimQueries';
import { ClaimTotals } from './ClaimTotals';

const fields = ['municipalityId', 'projectId', 'periodFrom', 'periodTo'] as const;
type Field = (typeof fields)[number];

/** The choices and the period typed as dd.mm.yyyy, the end not before the start. */
function checkPeriod(v: Record<Field, string>): FieldErrors<Field> {
  const errors = requiredFields(v, ['municipalityId', 'projectId', 'periodFrom', 'periodTo']);
  const from = parseDateInput(v.periodFrom);
  const to = parseDateInput(v.periodTo);
  if (v.periodFrom.trim() !== '' && !from) errors.periodFrom = 'dateInput.invalid';
  if (v.periodTo.trim() !== '' && !to) errors.periodTo = 'dateInput.invalid';
  if (from && to && to < from) errors.periodTo = 'claims.errors.periodOrder';
  return errors;
}

/** The previous calendar month, the usual period of a claim: its first and last day. */
function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(first), to: iso(last) };
}

export function NewClaimPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('claims.newTitle'));
  const navigate = useNavigate();
  const me = useMe();
  const allMunicipalities = useMunicipalities();
  // A worker claims for their own municipalities; an administrator for any.
  const municipalities = me?.role === 'MUNICIPALITY_WORKER' ? me.municipalities : allMunicipalities;
  const month = previousMonth(todayInRiga());
  const submit = useCaseMutation(submitClaimMutation);
  // The period asked about: the preview and the claim are of exactly this.
  const [asked, setAsked] = useState<ClaimPeriodInput | null>(null);
  const [preview] = useQuery({
    query: claimPreviewQuery,
    variables: { input: asked ?? { municipalityId: '', projectId: '', periodFrom: '', periodTo: '' } },
    pause: asked === null,
    // A preview is of the moment: verifications go on meanwhile.
    requestPolicy: 'network-only',
  });
  const previewProblem = preview.error ? problemOf(preview.error) : null;
  const problem = submit.problem ?? previewProblem;
  const form = useForm<Record<Field, string>>({
    initial: {
      municipalityId: me?.role === 'MUNICIPALITY_WORKER' && me.municipalities.length === 1 ? me.municipalities[0].id : '',
      projectId: '',
      periodFrom: formatDate(month.from),
      periodTo: formatDate(month.to),
    },
    validate: checkPeriod,
    serverError: problemAt(problem, t),
    onAttempt: () => {
      submit.setProblem(null);
      setAsked(null);
    },
  });
  const v = form.values;

  const [{ data: projectData }] = useQuery({
    query: claimProjectsQuery,
    variables: { municipalityId: v.municipalityId },
    pause: v.municipalityId === '',
  });
  const projects = v.municipalityId === '' ? [] : (projectData?.projects.edges.map((e) => e.node) ?? []);
  // The only project of a municipality is chosen for the user.
  useEffect(() => {
    if (projects.length === 1 && v.projectId === '') form.set('projectId', projects[0].id);
  }, [projects, v.projectId]);

  // One key per claim: kept while the same period is submitted again, new for another one.
  const key = useRef(newIdempotencyKey());

  const set = (f: Field, value: string) => {
    form.setValues((old) => ({ ...old, [f]: value, ...(f === 'municipalityId' ? { projectId: '' } : {}) }));
    setAsked(null);
    submit.setProblem(null);
    key.current = newIdempotencyKey();
  };
  const errorAt = form.error;

  const showPreview = ({ municipalityId, projectId, periodFrom, periodTo }: Record<Field, string>) => {
    setAsked({ municipalityId, projectId, periodFrom: parseDateInput(periodFrom) ?? periodFrom, periodTo: parseDateInput(periodTo) ?? periodTo });
  };

  const sendClaim = async () => {
    if (!asked) return;
    const done = await submit.run({ input: { idempotencyKey: key.current, ...asked } });
    if (done) navigate(`/claims/${encodeURIComponent(done.submitClaim.claim.id)}`, { state: { submitted: true } });
  };

  const p = preview.data?.claimPreview;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/claims">
          {t('claims.backToList')}
        </Anchor>
        <Title order={1} mt="xs">
          {t('claims.newTitle')}
        </Title>
        <Text mt="xs" maw="48rem">
          {t('claims.newIntro')}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form ref={form.formRef} onSubmit={form.handleSubmit(showPreview)} noValidate aria-labelledby="claim-period-title">
          <Stack gap="sm">
            <Title order={2} id="claim-period-title">
              {t('claims.periodTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('claims.municipality')}
                required
                value={v.municipalityId}
                onChange={(e) => set('municipalityId', e.currentTarget.value)}
                data={[{ value: '', label: t('caseForm.choose') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
                error={errorAt('municipalityId')}
              />
              <NativeSelect
                label={t('claims.project')}
                required
                value={v.projectId}
                onChange={(e) => set('projectId', e.currentTarget.value)}
                data={[{ value: '', label: t('caseForm.choose') }, ...projects.map((pr) => ({ value: pr.id, label: `${pr.name} (${pr.code})` }))]}
                error={errorAt('projectId')}
              />
              <DateInput label={t('claims.periodFrom')} required value={v.periodFrom} onChange={(x) => set('periodFrom', x)} error={errorAt('periodFrom')} />
              <DateInput label={t('claims.periodTo')} required value={v.periodTo} onChange={(x) => set('periodTo', x)} error={errorAt('periodTo')} />
            </SimpleGrid>
            <Group>
              <Button type="submit" variant="outline" loading={preview.fetching}>
                {t('claims.preview')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <FormProblem problem={problem} placed={(f) => (fields as readonly string[]).includes(f)} />

      {asked && preview.fetching && !p && <Loading />}
      {asked && p && (
        <section aria-labelledby="claim-preview-title">
          <Title order={2} id="claim-preview-title" mb="sm">
            {t('claims.previewTitle', { from: formatDate(asked.periodFrom), to: formatDate(asked.periodTo) })}
          </Title>
          <Stack gap="md">
            <Text role="status" fw={500}>
              {t('claims.previewSummary', {
                deliveries: t('claims.deliveryCount', { count: p.deliveryCount }),
                children: t('claims.childCount', { count: p.childCount }),
                total: formatMoney(p.total, language),
              })}
            </Text>
            {p.unverifiedCount > 0 && (
              <Alert color="yellow.9" variant="outline" title={t('claims.unverifiedTitle')}>
                <Text>{t('claims.unverified', { count: p.unverifiedCount })}</Text>
                <Anchor component={Link} to="/deliveries/verify">
                  {t('claims.toVerify')}
                </Anchor>
              </Alert>
            )}
            {p.deliveryCount === 0 ? (
              <Text>{t('caseErrors.form.NOTHING_TO_CLAIM')}</Text>
            ) : (
              <>
                <ClaimTotals total={p.total} byServiceType={p.byServiceType} byFundingSource={p.byFundingSource} deliveryCount={p.deliveryCount} />
                <Group>
                  <Button onClick={() => void sendClaim()} loading={submit.busy}>
                    {t('claims.submit')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
