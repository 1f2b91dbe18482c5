// The workflow steps a plan offers the viewer now: submit a draft; approve or return a
// submitted revision; activate an approved plan; close an active one; start a new revision of
// a plan in force. The status decides which step applies, the server (plan.viewerCan) who may
// take it.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activatePlanMutation,
  approvePlanMutation,
  closePlanMutation,
  returnPlanMutation,
  revisePlanMutation,
  submitPlanMutation,
  type PlanData,
  type RevisionData,
} from '../../pages/cases/planQuery';
import { problemAt } from '../../lib/caseErrors';
import { FormProblem } from '../FormProblem';
import { ReasonForm } from '../ReasonForm';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../lib/useForm';
import { useConfirm } from '../ConfirmDialog';
import { DateInput, dateProblem } from '../../lib/DateInput';
import { dayInRiga, todayInRiga } from '../../lib/dates';
import type { FieldMessage } from '../../lib/useForm';
import { SuccessMessage } from '../SuccessMessage';

export function PlanWorkflow({
  plan,
  edited,
  unsaved,
  onReload,
}: {
  plan: PlanData;
  /** The revision being prepared (pending), or the current one. */
  edited: RevisionData;
  /** The draft has changes not yet saved: a step would act on the saved content. */
  unsaved: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const submit = useCaseMutation(submitPlanMutation);
  const approve = useCaseMutation(approvePlanMutation);
  const giveBack = useCaseMutation(returnPlanMutation);
  const activate = useCaseMutation(activatePlanMutation);
  const revise = useCaseMutation(revisePlanMutation);
  const [returning, setReturning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const decision = useDecisionDate(problem0(approve.problem, activate.problem));
  const giveBackForm = useForm({ initial: { comment: '' }, validate: (v) => requiredFields(v, ['comment']), serverError: problemAt(giveBack.problem, t) });

  const current = plan.current;
  const can = plan.viewerCan;
  const step = (r: RevisionData) => ({ input: { revisionId: r.id, version: r.version } });
  // The step before the decided one: approval follows submission, activation approval.
  const previousStep = edited.status === 'SUBMITTED' ? edited.submittedAt : current.approvedAt;
  /** A decided step (approve, activate) carries its day; nothing is sent while the day is wrong. */
  const decided = (r: RevisionData, run: (v: { input: { revisionId: string; version: number; decidedOn: string } }) => Promise<unknown>) => async () => {
    const day = decision.check(previousStep);
    return day ? run({ input: { revisionId: r.id, version: r.version, decidedOn: day } }) : null;
  };
  const problem = submit.problem ?? approve.problem ?? giveBack.problem ?? activate.problem ?? revise.problem;

  /** Takes a step and says so once it is taken. */
  const take = async (run: () => Promise<unknown>, message: string) => {
    setDone(null);
    if (await run()) setDone(message);
  };

  const buttons: { key: string; label: string; onClick: () => void; busy: boolean; color?: string }[] = [];
  if (can.submit && edited.status === 'DRAFT') {
    buttons.push({ key: 'submit', label: t('plan.step.submit'), onClick: () => void take(() => submit.run(step(edited)), t('success.planSubmitted')), busy: submit.busy });
  }
  if (edited.status === 'SUBMITTED' && !returning) {
    if (can.approve) {
      buttons.push({ key: 'approve', label: t('plan.step.approve'), onClick: () => void take(decided(edited, approve.run), t('success.planApproved')), busy: approve.busy });
    }
    if (can.return) {
      buttons.push({
        key: 'return',
        label: t('plan.step.return'),
        onClick: () => {
          setDone(null);
          setReturning(true);
        },
        busy: false,
        color: 'red.9',
      });
    }
  }
  if (can.activate && current.status === 'APPROVED') {
    buttons.push({ key: 'activate', label: t('plan.step.activate'), onClick: () => void take(decided(current, activate.run), t('success.planActivated')), busy: activate.busy });
  }
  // A new revision is started from the plan in force, and only one is prepared at a time.
  if (can.revise && (current.status === 'APPROVED' || current.status === 'ACTIVE') && !plan.pending) {
    buttons.push({ key: 'revise', label: t('plan.step.revise'), onClick: () => void take(() => revise.run(step(current)), t('success.planRevised')), busy: revise.busy });
  }
  // Closing is PlanClosing's, apart from these everyday steps.
  const mayClose = can.close && current.status === 'ACTIVE';

  const sendReturn = async ({ comment }: { comment: string }) => {
    if (await giveBack.run({ input: { revisionId: edited.id, version: edited.version, comment: comment.trim() } })) {
      setReturning(false);
      setDone(t('success.planReturned'));
      giveBackForm.set('comment', '');
    }
  };

  const noGoalsOrLines = edited.status === 'DRAFT' && (edited.goals.length === 0 || edited.lines.length === 0);

  return (
    <section aria-labelledby="workflow-title">
      <Title order={2} id="workflow-title" mb="sm">
        {t('plan.workflow')}
      </Title>
      <Stack gap="sm">
        <SuccessMessage message={done} />
        <FormProblem problem={problem} placed={(f) => (f === 'comment' && returning) || f === 'decidedOn'} onReload={onReload} />
        {buttons.length === 0 && !mayClose && !returning && <Text>{t('plan.noSteps')}</Text>}
        {unsaved && buttons.length > 0 && <Text size="sm">{t('plan.saveFirst')}</Text>}
        {noGoalsOrLines && can.submit && <Text size="sm">{t('plan.submitNeedsContent')}</Text>}
        {(buttons.some((b) => b.key === 'approve') || buttons.some((b) => b.key === 'activate')) && decision.input(previousStep)}
        {buttons.length > 0 && (
          <Group>
            {buttons.map((b) => (
              <Button
                key={b.key}
                variant={b.color ? 'outline' : 'filled'}
                color={b.color}
                loading={b.busy}
                disabled={unsaved || (b.key === 'submit' && noGoalsOrLines)}
                onClick={b.onClick}
              >
                {b.label}
              </Button>
            ))}
          </Group>
        )}
        {returning && (
          <ReasonForm
            form={giveBackForm}
            field="comment"
            label={t('plan.returnComment')}
            rows={3}
            submitLabel={t('plan.returnSubmit')}
            busy={giveBack.busy}
            onSend={sendReturn}
            onCancel={() => setReturning(false)}
          />
        )}
      </Stack>
    </section>
  );
}

/**
 * Closing an active plan: a step that cannot be undone, in a section of its own at the end of
 * the editor (apart from the everyday steps and from quick entry), asked about first.
 */
export function PlanClosing({ plan, unsaved, onReload }: { plan: PlanData; unsaved: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const close = useCaseMutation(closePlanMutation);
  const confirm = useConfirm();
  const decision = useDecisionDate(close.problem);
  const [done, setDone] = useState<string | null>(null);
  const current = plan.current;
  const mayClose = plan.viewerCan.close && current.status === 'ACTIVE';
  if (!mayClose && !done) return null;

  const closePlan = async () => {
    setDone(null);
    // Closing follows activation, whose day the editor does not know: the server checks it.
    const day = decision.check(null);
    if (!day) return;
    const ok = await confirm.ask({
      title: t('confirm.closePlanTitle'),
      text: t('confirm.closePlanText'),
      confirmLabel: t('confirm.closePlanConfirm'),
      danger: true,
    });
    if (ok && (await close.run({ input: { revisionId: current.id, version: current.version, decidedOn: day } }))) setDone(t('success.planClosed'));
  };

  return (
    <section aria-labelledby="closing-title">
      <Title order={2} id="closing-title" mb="sm">
        {t('confirm.closingTitle')}
      </Title>
      <Stack gap="sm">
        <SuccessMessage message={done} />
        <FormProblem problem={close.problem} placed={(f) => f === 'decidedOn'} onReload={onReload} />
        {mayClose && (
          <>
            <Text size="sm">{t('confirm.closingHint')}</Text>
            {decision.input(null)}
            <Group>
              <Button variant="outline" color="red.9" loading={close.busy} disabled={unsaved} onClick={() => void closePlan()}>
                {t('plan.step.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {confirm.dialog}
    </section>
  );
}

function problem0<P>(...ps: (P | null)[]): P | null {
  return ps.find((p) => p !== null) ?? null;
}

/**
 * The day a step is decided on: today unless changed, not in the future and not before the
 * previous step (`previous`, a point in time). `check` gives the day to send, or shows what is
 * wrong at the input and gives null.
 */
export function useDecisionDate(problem: { field: string | null } | null) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => todayInRiga());
  const [error, setError] = useState<FieldMessage | null>(null);
  const limits = (previous: string | null | undefined) => ({ min: previous ? dayInRiga(previous) : undefined, max: todayInRiga() });
  const message = error
    ? typeof error === 'string'
      ? t(error)
      : t(error[0], error[1])
    : problem?.field === 'decidedOn'
      ? t('datePicker.decidedOnRefused')
      : undefined;
  const check = (previous: string | null | undefined): string | null => {
    const wrong = dateProblem(day, { required: true, ...limits(previous) }) ?? null;
    setError(wrong);
    return wrong ? null : day;
  };
  const input = (previous: string | null | undefined): ReactNode => (
    <DateInput
      label={t('datePicker.decidedOn')}
      required
      value={day}
      {...limits(previous)}
      onChange={(v) => {
        setDay(v);
        setError(null);
      }}
      error={message}
      maw="16rem"
    />
  );
  return { check, input };
}
