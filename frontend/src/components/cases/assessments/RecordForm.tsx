import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recipient } from '../../../gql/graphql';
import { problemAt } from '../../../lib/caseErrors';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { functioningAreas } from '../enums';
import { completeTeam, emptyMember, type AssessmentData, type TeamRow } from './assessmentData';
import { recordAssessmentMutation } from './assessmentQueries';
import { FindingsInputs, type Findings } from './FindingsInputs';
import { RecommendationsInputs, type RecommendationRow } from './RecommendationsInputs';
import { TeamInputs } from './TeamInputs';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

type RecordValues = { team: TeamRow[]; findings: Findings; recs: RecommendationRow[] };
type RecordField = 'team' | 'findings' | 'recommendations';
const fields = ['team', 'findings', 'recommendations'];

function valuesOf(a: AssessmentData): RecordValues {
  // One row per area; an area left "not assessed" is not sent.
  const findings = Object.fromEntries(functioningAreas.map((area) => [area, { qualifier: '', note: '' }])) as Findings;
  for (const f of a.findings) findings[f.area] = { qualifier: String(f.qualifier), note: f.note };
  return {
    team: a.team.length ? a.team : [emptyMember],
    findings,
    recs: a.recommendations.map((r) => ({ serviceTypeId: r.serviceType.id, recipient: r.recipient, units: r.units, note: r.note ?? '' })),
  };
}

/** Records the team's findings and recommended services; the assessment stays open. */
export function RecordForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const record = useCaseMutation(recordAssessmentMutation);
  const form = useForm<RecordValues, RecordField>({
    initial: () => valuesOf(a),
    validate: (v) => (completeTeam(v.team).length === 0 ? { team: 'child.errors.required' } : {}),
    serverError: problemAt(record.problem, t),
  });
  const v = form.values;

  const send = async ({ team, findings, recs }: RecordValues) => {
    const done = await record.run({
      input: {
        id: a.id,
        version: a.version,
        team: completeTeam(team),
        findings: functioningAreas
          .filter((area) => findings[area].qualifier !== '')
          .map((area) => ({ area, qualifier: Number(findings[area].qualifier), note: findings[area].note.trim() })),
        recommendations: recs
          .filter((r) => r.serviceTypeId !== '' && r.recipient !== '')
          .map((r) => ({ serviceTypeId: r.serviceTypeId, recipient: r.recipient as Recipient, units: Number(r.units) || 0, note: r.note.trim() || null })),
      },
    });
    if (done) onDone(true);
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate aria-labelledby={`record-${a.id}`}>
      <Stack gap="md" mt="md">
        <Title order={4} id={`record-${a.id}`}>
          {t('assessments.recordTitle')}
        </Title>
        <FormProblem problem={record.problem} placed={(f) => fields.includes(f)} />
        <TeamInputs team={v.team} onChange={(team) => form.set('team', team)} error={form.error('team')} />
        <FindingsInputs
          findings={v.findings}
          onChange={(area, row) => form.setValues((old) => ({ ...old, findings: { ...old.findings, [area]: { ...old.findings[area], ...row } } }))}
          error={form.error('findings')}
        />
        <RecommendationsInputs recs={v.recs} onChange={(recs) => form.set('recs', recs)} error={form.error('recommendations')} />
        {unsaved.guard}
      <FormActions submitLabel={t('assessments.recordSubmit')} busy={record.busy} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
