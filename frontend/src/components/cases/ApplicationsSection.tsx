// A child's applications to DI projects: submitting one, and deciding a submitted one (accept,
// reject with a reason, withdraw), each with its history of status changes.
import { Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ChildData } from '../../pages/cases/childQuery';
import { fieldMessageKey } from '../../lib/caseErrors';
import { formatOptionalDate, todayInRiga } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { Facts } from './Facts';
import { statusColor } from './statusColor';
import { FormProblem } from '../FormProblem';
import { useProjects } from '../../lib/referenceData';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';

export const submitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
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

export const acceptApplicationMutation = graphql(`
  mutation AcceptApplication($input: DecideApplicationInput!) {
    acceptApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);
export const rejectApplicationMutation = graphql(`
  mutation RejectApplication($input: DecideApplicationInput!) {
    rejectApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);
export const withdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: DecideApplicationInput!) {
    withdrawApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);

type ApplicationData = ChildData['applications'][number];

export function ApplicationsSection({ child, editable }: { child: ChildData; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="child-applications">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-applications">
          {t('applications.title')}
        </Title>
        {editable && !adding && (
          <Button variant="outline" onClick={() => setAdding(true)}>
            {t('applications.add')}
          </Button>
        )}
      </Group>
      {adding && <SubmitApplicationForm child={child} onDone={() => setAdding(false)} />}
      {child.applications.length === 0 ? (
        <Text>{t('applications.empty')}</Text>
      ) : (
        <Stack gap="sm" mt="sm">
          {child.applications.map((a) => (
            <ApplicationCard key={a.id} application={a} editable={editable} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function ApplicationCard({ application: a, editable }: { application: ApplicationData; editable: boolean }) {
  const { t } = useTranslation();
  const accept = useCaseMutation(acceptApplicationMutation);
  const reject = useCaseMutation(rejectApplicationMutation);
  const withdraw = useCaseMutation(withdrawApplicationMutation);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const problem = accept.problem ?? reject.problem ?? withdraw.problem;
  const titleId = `application-${a.id}`;

  const sendReject = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    if (await reject.run({ input: { id: a.id, version: a.version, reason: reason.trim() } })) setRejecting(false);
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={titleId}>
          <span lang="lv">{a.project.name}</span> ({a.project.code})
        </Title>
        <Badge variant="outline" color={statusColor(a.status)}>
          {t(`applicationStatus.${a.status}`)}
        </Badge>
      </Group>
      <Facts
        items={[
          { label: t('applications.submittedOn'), value: formatOptionalDate(a.submittedOn) },
          { label: t('applications.applicant'), value: a.applicant ? `${a.applicant.lastName} ${a.applicant.firstName}` : '—' },
          ...(a.reason ? [{ label: t('applications.reason'), value: a.reason }] : []),
        ]}
      />
      <Title order={4} size="h6" mt="sm">
        {t('applications.history')}
      </Title>
      <List size="sm">
        {a.events.map((e, i) => (
          <List.Item key={i}>
            {formatDateTime(e.at)} — {t(`applicationStatus.${e.status}`)}
            {e.actor ? `, ${e.actor.name}` : ''}
            {e.comment ? `: ${e.comment}` : ''}
          </List.Item>
        ))}
      </List>
      <Stack gap="sm" mt="sm">
        <FormProblem problem={problem} placed={(f) => f === 'reason' && rejecting} />
        {editable && a.status === 'SUBMITTED' && !rejecting && (
          <Group>
            <Button onClick={() => void accept.run({ input: { id: a.id, version: a.version } })} loading={accept.busy}>
              {t('applications.accept')}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setRejecting(true)}>
              {t('applications.reject')}
            </Button>
            <Button variant="default" onClick={() => void withdraw.run({ input: { id: a.id, version: a.version } })} loading={withdraw.busy}>
              {t('applications.withdraw')}
            </Button>
          </Group>
        )}
        {rejecting && (
          <form onSubmit={(e) => void sendReject(e)} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('applications.rejectReason')}
                required
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={
                  reasonMissing ? t('child.errors.required') : reject.problem?.field === 'reason' ? t(fieldMessageKey('reason')) : undefined
                }
              />
              <Group>
                <Button type="submit" color="red.9" loading={reject.busy}>
                  {t('applications.rejectSubmit')}
                </Button>
                <Button variant="default" onClick={() => setRejecting(false)}>
                  {t('caseForm.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function SubmitApplicationForm({ child, onDone }: { child: ChildData; onDone: () => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const submit = useCaseMutation(submitApplicationMutation);
  const [projectId, setProjectId] = useState('');
  const [applicantId, setApplicantId] = useState('');
  const [submittedOn, setSubmittedOn] = useState(todayInRiga());
  const [missing, setMissing] = useState<{ projectId?: boolean; submittedOn?: boolean }>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt + (submit.problem ? 1 : 0));

  const errorAt = (f: 'projectId' | 'applicantId' | 'submittedOn') =>
    missing[f as 'projectId'] ? t('child.errors.required') : submit.problem?.field === f ? t(fieldMessageKey(f)) : undefined;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const m = { projectId: projectId === '', submittedOn: submittedOn === '' };
    setMissing(m);
    setAttempt((n) => n + 1);
    if (m.projectId || m.submittedOn) return;
    const done = await submit.run({ input: { childId: child.id, projectId, applicantId: applicantId || null, submittedOn } });
    if (done) onDone();
  };

  return (
    <Paper withBorder p="md" mb="md">
      <form ref={formRef} onSubmit={(e) => void send(e)} noValidate aria-labelledby="submit-application-title">
        <Stack gap="md">
          <Title order={3} id="submit-application-title">
            {t('applications.addTitle')}
          </Title>
          <FormProblem problem={submit.problem} placed={(f) => ['projectId', 'applicantId', 'submittedOn'].includes(f)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              label={t('applications.project')}
              required
              value={projectId}
              onChange={(e) => setProjectId(e.currentTarget.value)}
              data={[{ value: '', label: t('caseForm.choose') }, ...projects.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))]}
              error={errorAt('projectId')}
            />
            <NativeSelect
              label={t('applications.applicant')}
              value={applicantId}
              onChange={(e) => setApplicantId(e.currentTarget.value)}
              data={[
                { value: '', label: t('applications.noApplicant') },
                ...child.parents.map((l) => ({ value: l.parent.id, label: `${l.parent.lastName} ${l.parent.firstName}` })),
              ]}
              error={errorAt('applicantId')}
            />
            <TextInput
              type="date"
              label={t('applications.submittedOn')}
              required
              value={submittedOn}
              onChange={(e) => setSubmittedOn(e.currentTarget.value)}
              error={errorAt('submittedOn')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={submit.busy}>
              {t('applications.addSubmit')}
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
