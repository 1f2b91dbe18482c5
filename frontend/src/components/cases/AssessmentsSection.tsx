// A child's needs assessments: scheduling one with its team; recording the team's findings per
// area of functioning (ICF-CY chapters d1-d9, qualifier 0-4) and recommended services;
// completing or cancelling it.
import {
  ActionIcon,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { FunctioningArea, Recipient, Specialty } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import type { ChildData } from '../../pages/cases/childQuery';
import { TableScroll } from '../TableScroll';
import { statusColor } from './statusColor';
import { fieldMessageKey } from '../../lib/caseErrors';
import { formatOptionalDate, todayInRiga } from '../../lib/dates';
import { functioningAreas, specialties } from './enums';
import { Facts } from './Facts';
import { FormProblem } from '../FormProblem';
import { useProviders, useServiceTypes } from '../../lib/referenceData';
import { useCaseMutation } from '../../lib/useCaseMutation';
import type { Viewer } from './useViewer';

export const scheduleAssessmentMutation = graphql(`
  mutation ScheduleAssessment($input: ScheduleAssessmentInput!) {
    scheduleAssessment(input: $input) {
      assessment {
        id
        status
        version
        child {
          id
        }
      }
    }
  }
`);
export const recordAssessmentMutation = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);
export const completeAssessmentMutation = graphql(`
  mutation CompleteAssessment($input: CompleteAssessmentInput!) {
    completeAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);
export const cancelAssessmentMutation = graphql(`
  mutation CancelAssessment($input: CancelAssessmentInput!) {
    cancelAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);

type Qualifier = 0 | 1 | 2 | 3 | 4;
type AssessmentData = ChildData['assessments'][number];
type TeamRow = { name: string; specialty: Specialty | '' };

export function AssessmentsSection({ child, editable, viewer }: { child: ChildData; editable: boolean; viewer: Viewer | null }) {
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  return (
    <section aria-labelledby="child-assessments">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-assessments">
          {t('assessments.title')}
        </Title>
        {editable && !scheduling && (
          <Button variant="outline" onClick={() => setScheduling(true)}>
            {t('assessments.schedule')}
          </Button>
        )}
      </Group>
      {scheduling && <ScheduleForm childId={child.id} onDone={() => setScheduling(false)} />}
      {child.assessments.length === 0 ? (
        <Text>{t('assessments.empty')}</Text>
      ) : (
        <Stack gap="sm" mt="sm">
          {child.assessments.map((a) => (
            <AssessmentCard
              key={a.id}
              assessment={a}
              editable={editable}
              // The assessor of the assessing provider records findings too.
              canRecord={editable || viewer?.role === 'ASSESSOR'}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

function AssessmentCard({ assessment: a, editable, canRecord }: { assessment: AssessmentData; editable: boolean; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [mode, setMode] = useState<'view' | 'record' | 'complete' | 'cancel'>('view');
  const titleId = `assessment-${a.id}`;
  const close = () => setMode('view');

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={titleId}>
          {t('assessments.cardTitle', { date: formatOptionalDate(a.scheduledOn), provider: a.provider.name })}
        </Title>
        <Badge variant="outline" color={statusColor(a.status)}>
          {t(`assessmentStatus.${a.status}`)}
        </Badge>
      </Group>
      <Facts
        items={[
          { label: t('assessments.scheduledOn'), value: formatOptionalDate(a.scheduledOn) },
          { label: t('assessments.provider'), value: a.provider.name },
          {
            label: t('assessments.team'),
            value: a.team.length ? a.team.map((m) => `${m.name} (${t(`specialty.${m.specialty}`)})`).join(', ') : '—',
          },
          ...(a.completedOn ? [{ label: t('assessments.completedOn'), value: formatOptionalDate(a.completedOn) }] : []),
          ...(a.cancelReason ? [{ label: t('assessments.cancelReason'), value: a.cancelReason }] : []),
        ]}
      />
      {a.findings.length > 0 && (
        <TableScroll label={t('assessments.findings')}>
          <Table withTableBorder mt="sm">
            <Table.Caption>{t('assessments.findings')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assessments.area')}</Table.Th>
                <Table.Th scope="col">{t('assessments.qualifier')}</Table.Th>
                <Table.Th scope="col">{t('assessments.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.findings.map((f) => (
                <Table.Tr key={f.area}>
                  <Table.Th scope="row" fw={500}>
                    {t(`area.${f.area}`)}
                  </Table.Th>
                  <Table.Td>{t(`qualifier.${f.qualifier as Qualifier}`)}</Table.Td>
                  <Table.Td>{f.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {a.recommendations.length > 0 && (
        <>
          <Title order={4} size="h6" mt="sm">
            {t('assessments.recommendations')}
          </Title>
          <List size="sm">
            {a.recommendations.map((r, i) => (
              <List.Item key={i}>
                {language === 'en' ? r.serviceType.nameEn : r.serviceType.name} — {t(`recipient.${r.recipient}`)}, {r.units}
                {r.note ? ` (${r.note})` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {a.status === 'SCHEDULED' && mode === 'view' && (canRecord || editable) && (
        <Group mt="sm">
          {canRecord && (
            <Button variant="outline" onClick={() => setMode('record')}>
              {t('assessments.record')}
            </Button>
          )}
          {editable && (
            <>
              <Button variant="outline" onClick={() => setMode('complete')}>
                {t('assessments.complete')}
              </Button>
              <Button variant="outline" color="red.9" onClick={() => setMode('cancel')}>
                {t('assessments.cancel')}
              </Button>
            </>
          )}
        </Group>
      )}
      {mode === 'record' && <RecordForm assessment={a} onDone={close} />}
      {mode === 'complete' && <CompleteForm assessment={a} onDone={close} />}
      {mode === 'cancel' && <CancelForm assessment={a} onDone={close} />}
    </Paper>
  );
}

/** Rows of team members: name and specialty, with add and remove. */
function TeamInputs({ team, onChange, error }: { team: TeamRow[]; onChange: (team: TeamRow[]) => void; error?: string }) {
  const { t } = useTranslation();
  const set = (i: number, row: Partial<TeamRow>) => onChange(team.map((m, j) => (j === i ? { ...m, ...row } : m)));
  return (
    <Fieldset legend={t('assessments.team')}>
      <Stack gap="xs">
        {team.map((m, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('assessments.memberName', { n: i + 1 })}
              required
              value={m.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('assessments.memberSpecialty', { n: i + 1 })}
              required
              value={m.specialty}
              onChange={(e) => set(i, { specialty: e.currentTarget.value as Specialty })}
              data={[{ value: '', label: t('caseForm.choose') }, ...specialties.map((s) => ({ value: s, label: t(`specialty.${s}`) }))]}
            />
            <Button variant="subtle" color="red.9" c="red.9" onClick={() => onChange(team.filter((_, j) => j !== i))}>
              {t('assessments.removeMember', { n: i + 1 })}
            </Button>
          </Group>
        ))}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => onChange([...team, { name: '', specialty: '' }])}>
            {t('assessments.addMember')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function completeTeam(team: TeamRow[]) {
  return team.filter((m) => m.name.trim() !== '' && m.specialty !== '').map((m) => ({ name: m.name.trim(), specialty: m.specialty as Specialty }));
}

function ScheduleForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const providers = useProviders();
  const schedule = useCaseMutation(scheduleAssessmentMutation);
  const [providerId, setProviderId] = useState('');
  const [scheduledOn, setScheduledOn] = useState('');
  const [team, setTeam] = useState<TeamRow[]>([{ name: '', specialty: '' }]);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const fields = ['providerId', 'scheduledOn', 'team'];
  const errorAt = (f: string) => (missing[f] ? t('child.errors.required') : schedule.problem?.field === f ? t(fieldMessageKey(f)) : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const members = completeTeam(team);
    const m = { providerId: providerId === '', scheduledOn: scheduledOn === '', team: members.length === 0 };
    setMissing(m);
    if (Object.values(m).some(Boolean)) return;
    if (await schedule.run({ input: { childId, providerId, scheduledOn, team: members } })) onDone();
  };

  return (
    <Paper withBorder p="md" mb="md">
      <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="schedule-title">
        <Stack gap="md">
          <Title order={3} id="schedule-title">
            {t('assessments.scheduleTitle')}
          </Title>
          <FormProblem problem={schedule.problem} placed={(f) => fields.includes(f)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('assessments.provider')}
              required
              value={providerId}
              onChange={(e) => setProviderId(e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
              error={errorAt('providerId')}
            />
            <TextInput
              type="date"
              label={t('assessments.scheduledOn')}
              required
              value={scheduledOn}
              onChange={(e) => setScheduledOn(e.currentTarget.value)}
              error={errorAt('scheduledOn')}
            />
          </SimpleGrid>
          <TeamInputs team={team} onChange={setTeam} error={errorAt('team')} />
          <Group>
            <Button type="submit" loading={schedule.busy}>
              {t('assessments.scheduleSubmit')}
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

type FindingRow = { qualifier: string; note: string };
type RecommendationRow = { serviceTypeId: string; recipient: Recipient | ''; units: number | string; note: string };

function RecordForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serviceTypes = useServiceTypes();
  const record = useCaseMutation(recordAssessmentMutation);
  const [team, setTeam] = useState<TeamRow[]>(a.team.length ? a.team : [{ name: '', specialty: '' }]);
  // One row per area; an area left "not assessed" is not sent.
  const [findings, setFindings] = useState<Record<FunctioningArea, FindingRow>>(() => {
    const rows = Object.fromEntries(functioningAreas.map((area) => [area, { qualifier: '', note: '' }])) as Record<FunctioningArea, FindingRow>;
    for (const f of a.findings) rows[f.area] = { qualifier: String(f.qualifier), note: f.note };
    return rows;
  });
  const [recs, setRecs] = useState<RecommendationRow[]>(
    a.recommendations.map((r) => ({ serviceTypeId: r.serviceType.id, recipient: r.recipient, units: r.units, note: r.note ?? '' })),
  );
  const [teamMissing, setTeamMissing] = useState(false);
  const fields = ['team', 'findings', 'recommendations'];
  const serverAt = (f: string) => (record.problem?.field === f ? t(fieldMessageKey(f)) : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const members = completeTeam(team);
    setTeamMissing(members.length === 0);
    if (members.length === 0) return;
    const done = await record.run({
      input: {
        id: a.id,
        version: a.version,
        team: members,
        findings: functioningAreas
          .filter((area) => findings[area].qualifier !== '')
          .map((area) => ({ area, qualifier: Number(findings[area].qualifier), note: findings[area].note.trim() })),
        recommendations: recs
          .filter((r) => r.serviceTypeId !== '' && r.recipient !== '')
          .map((r) => ({ serviceTypeId: r.serviceTypeId, recipient: r.recipient as Recipient, units: Number(r.units) || 0, note: r.note.trim() || null })),
      },
    });
    if (done) onDone();
  };

  const setRec = (i: number, row: Partial<RecommendationRow>) => setRecs((rs) => rs.map((r, j) => (j === i ? { ...r, ...row } : r)));

  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby={`record-${a.id}`}>
      <Stack gap="md" mt="md">
        <Title order={4} id={`record-${a.id}`}>
          {t('assessments.recordTitle')}
        </Title>
        <FormProblem problem={record.problem} placed={(f) => fields.includes(f)} />
        <TeamInputs team={team} onChange={setTeam} error={teamMissing ? t('child.errors.required') : serverAt('team')} />
        <Fieldset legend={t('assessments.findings')}>
          <Text size="sm" mb="xs">
            {t('assessments.findingsHint')}
          </Text>
          <Stack gap="xs">
            {functioningAreas.map((area) => (
              <SimpleGrid key={area} cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t(`area.${area}`)}
                  value={findings[area].qualifier}
                  onChange={(e) => {
                    const qualifier = e.currentTarget.value;
                    setFindings((f) => ({ ...f, [area]: { ...f[area], qualifier } }));
                  }}
                  data={[
                    { value: '', label: t('assessments.notAssessed') },
                    ...[0, 1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`qualifier.${q as Qualifier}`) })),
                  ]}
                />
                <TextInput
                  label={t('assessments.noteFor', { area: t(`area.${area}`) })}
                  value={findings[area].note}
                  disabled={findings[area].qualifier === ''}
                  onChange={(e) => {
                    const note = e.currentTarget.value;
                    setFindings((f) => ({ ...f, [area]: { ...f[area], note } }));
                  }}
                />
              </SimpleGrid>
            ))}
            {serverAt('findings') && (
              <Text c="red.9" size="sm" role="alert">
                {serverAt('findings')}
              </Text>
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('assessments.recommendations')}>
          <Stack gap="xs">
            {recs.map((r, i) => {
              const type = serviceTypes.find((s) => s.id === r.serviceTypeId);
              return (
                <Group key={i} align="flex-end" gap="sm" wrap="wrap">
                  <NativeSelect
                    label={t('assessments.recService', { n: i + 1 })}
                    value={r.serviceTypeId}
                    onChange={(e) => setRec(i, { serviceTypeId: e.currentTarget.value, recipient: '' })}
                    data={[
                      { value: '', label: t('caseForm.choose') },
                      ...serviceTypes.map((s) => ({ value: s.id, label: language === 'en' ? s.nameEn : s.name })),
                    ]}
                  />
                  <NativeSelect
                    label={t('assessments.recRecipient', { n: i + 1 })}
                    value={r.recipient}
                    onChange={(e) => setRec(i, { recipient: e.currentTarget.value as Recipient })}
                    data={[
                      { value: '', label: t('caseForm.choose') },
                      ...(type?.recipients ?? []).map((x) => ({ value: x, label: t(`recipient.${x}`) })),
                    ]}
                  />
                  <NumberInput
                    label={t('assessments.recUnits', { n: i + 1 })}
                    min={1}
                    max={10000}
                    allowDecimal={false}
                    value={r.units}
                    onChange={(v) => setRec(i, { units: v })}
                    w="8rem"
                  />
                  <TextInput label={t('assessments.recNote', { n: i + 1 })} value={r.note} onChange={(e) => setRec(i, { note: e.currentTarget.value })} />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    size="lg"
                    aria-label={t('assessments.removeRec', { n: i + 1 })}
                    onClick={() => setRecs((rs) => rs.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
            {serverAt('recommendations') && (
              <Text c="red.9" size="sm" role="alert">
                {serverAt('recommendations')}
              </Text>
            )}
            <Group>
              <Button variant="default" onClick={() => setRecs((rs) => [...rs, { serviceTypeId: '', recipient: '', units: 10, note: '' }])}>
                {t('assessments.addRec')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={record.busy}>
            {t('assessments.recordSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CompleteForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCaseMutation(completeAssessmentMutation);
  const [completedOn, setCompletedOn] = useState(todayInRiga());
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await complete.run({ input: { id: a.id, version: a.version, completedOn } })) onDone();
  };
  return (
    <form onSubmit={(e) => void send(e)} noValidate>
      <Stack gap="sm" mt="md">
        <FormProblem problem={complete.problem} placed={(f) => f === 'completedOn'} />
        <TextInput
          type="date"
          label={t('assessments.completedOn')}
          required
          value={completedOn}
          onChange={(e) => setCompletedOn(e.currentTarget.value)}
          error={complete.problem?.field === 'completedOn' ? t(fieldMessageKey('completedOn')) : undefined}
          maw="16rem"
        />
        {a.findings.length === 0 && <Text size="sm">{t('assessments.completeNeedsFindings')}</Text>}
        <Group>
          <Button type="submit" loading={complete.busy} disabled={a.findings.length === 0}>
            {t('assessments.completeSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelForm({ assessment: a, onDone }: { assessment: AssessmentData; onDone: () => void }) {
  const { t } = useTranslation();
  const cancel = useCaseMutation(cancelAssessmentMutation);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim() === '');
    if (reason.trim() === '') return;
    if (await cancel.run({ input: { id: a.id, version: a.version, reason: reason.trim() } })) onDone();
  };
  return (
    <form onSubmit={(e) => void send(e)} noValidate>
      <Stack gap="sm" mt="md">
        <FormProblem problem={cancel.problem} placed={(f) => f === 'reason'} />
        <Textarea
          label={t('assessments.cancelReason')}
          required
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ? t('child.errors.required') : cancel.problem?.field === 'reason' ? t(fieldMessageKey('reason')) : undefined}
        />
        <Group>
          <Button type="submit" color="red.9" loading={cancel.busy}>
            {t('assessments.cancelSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
