import { Badge, Button, Group, List, Paper, Stack, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { eligibilityMessages, problemAt } from '../../../lib/caseErrors';
import { DateInput, dateProblem } from '../../../lib/DateInput';
import { todayInRiga } from '../../../lib/dates';
import { EligibilityProblem } from '../../EligibilityProblem';
import type { FieldMessage } from '../../../lib/useForm';
import { formatOptionalDate } from '../../../lib/dates';
import { formatDateTime } from '../../../lib/format';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { ReasonForm } from '../../ReasonForm';
import { useConfirm } from '../../ConfirmDialog';
import { SuccessMessage } from '../../SuccessMessage';
import { Facts } from '../Facts';
import { statusColor } from '../statusColor';
import { acceptApplicationMutation, rejectApplicationMutation, withdrawApplicationMutation } from './applicationQueries';

type ApplicationData = ChildData['applications'][number];

/** One application: its facts and history, and the decisions left to take. */
export function ApplicationCard({ application: a }: { application: ApplicationData }) {
  const { t } = useTranslation();
  const accept = useCaseMutation(acceptApplicationMutation);
  const reject = useCaseMutation(rejectApplicationMutation);
  const withdraw = useCaseMutation(withdrawApplicationMutation);
  const [rejecting, setRejecting] = useState(false);
  const rejection = useForm({ initial: { reason: '' }, validate: (v) => requiredFields(v, ['reason']), serverError: problemAt(reject.problem, t) });
  const problem = accept.problem ?? reject.problem ?? withdraw.problem;
  const titleId = `application-${a.id}`;
  const confirm = useConfirm();
  const [done, setDone] = useState<string | null>(null);
  const project = `${a.project.name} (${a.project.code})`;
  // The day of the decision: today unless changed, not in the future, not before the application.
  const [decidedOn, setDecidedOn] = useState(() => todayInRiga());
  const [dateError, setDateError] = useState<FieldMessage | null>(null);
  const dateRef = useRef<HTMLDivElement>(null);
  const limits = { min: a.submittedOn ?? undefined, max: todayInRiga() };
  /** The decision's day to send, or null (and the error at the input) when it is not right. */
  const decisionDay = (): string | null => {
    const wrong = dateProblem(decidedOn, { required: true, ...limits }) ?? null;
    setDateError(wrong);
    if (wrong) requestAnimationFrame(() => dateRef.current?.querySelector('input')?.focus());
    return wrong ? null : decidedOn;
  };
  const eligibility = eligibilityMessages(accept.problem, t);
  const dateMessage = dateError
    ? typeof dateError === 'string'
      ? t(dateError)
      : t(dateError[0], dateError[1])
    : problem?.field === 'decidedOn' && !eligibility
      ? t('datePicker.decidedOnRefused')
      : undefined;

  const sendReject = async ({ reason }: { reason: string }) => {
    setDone(null);
    const day = decisionDay();
    if (!day) return;
    const ok = await confirm.ask({
      title: t('confirm.rejectTitle'),
      text: t('confirm.rejectText', { project }),
      confirmLabel: t('confirm.rejectConfirm'),
      danger: true,
    });
    if (ok && (await reject.run({ input: { id: a.id, version: a.version, reason: reason.trim(), decidedOn: day } }))) {
      setRejecting(false);
      setDone(t('success.applicationRejected'));
    }
  };
  const sendAccept = async () => {
    setDone(null);
    const day = decisionDay();
    if (!day) return;
    if (await accept.run({ input: { id: a.id, version: a.version, decidedOn: day } })) setDone(t('success.applicationAccepted'));
  };
  const sendWithdraw = async () => {
    setDone(null);
    const day = decisionDay();
    if (!day) return;
    const ok = await confirm.ask({
      title: t('confirm.withdrawTitle'),
      text: t('confirm.withdrawText', { project }),
      confirmLabel: t('confirm.withdrawConfirm'),
      danger: true,
    });
    if (ok && (await withdraw.run({ input: { id: a.id, version: a.version, decidedOn: day } }))) setDone(t('success.applicationWithdrawn'));
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
        <SuccessMessage message={done} />
        <EligibilityProblem problem={accept.problem} />
        <FormProblem problem={problem} placed={(f) => (f === 'reason' && rejecting) || f === 'decidedOn' || eligibility !== null} />
        {a.viewerCan.decide && a.status === 'SUBMITTED' && (
          <div ref={dateRef}>
            <DateInput
              label={t('datePicker.decidedOn')}
              required
              value={decidedOn}
              {...limits}
              onChange={(v) => {
                setDecidedOn(v);
                setDateError(null);
              }}
              error={dateMessage}
              maw="16rem"
            />
          </div>
        )}
        {a.viewerCan.decide && a.status === 'SUBMITTED' && !rejecting && (
          <Group>
            <Button onClick={() => void sendAccept()} loading={accept.busy}>
              {t('applications.accept')}
            </Button>
            <Button
              variant="outline"
              color="red.9"
              onClick={() => {
                setDone(null);
                setRejecting(true);
              }}
            >
              {t('applications.reject')}
            </Button>
            <Button variant="default" onClick={() => void sendWithdraw()} loading={withdraw.busy}>
              {t('applications.withdraw')}
            </Button>
          </Group>
        )}
        {rejecting && (
          <ReasonForm
            form={rejection}
            field="reason"
            label={t('applications.rejectReason')}
            rows={2}
            submitLabel={t('applications.rejectSubmit')}
            busy={reject.busy}
            onSend={sendReject}
            onCancel={() => setRejecting(false)}
          />
        )}
      </Stack>
      {confirm.dialog}
    </Paper>
  );
}
