// The workflow steps a plan offers the viewer now: submit a draft; approve or return a
// submitted revision; activate an approved plan; close an active one; start a new revision of
// a plan in force. The status decides which step applies, the server (plan.viewerCan) who may
// take it.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
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
  const close = useCaseMutation(closePlanMutation);
  const revise = useCaseMutation(revisePlanMutation);
  const [returning, setReturning] = useState(false);
  const giveBackForm = useForm({ initial: { comment: '' }, validate: (v) => requiredFields(v, ['comment']), serverError: problemAt(giveBack.problem, t) });

  const current = plan.current;
  const can = plan.viewerCan;
  const step = (r: RevisionData) => ({ input: { revisionId: r.id, version: r.version } });
  const problem = submit.problem ?? approve.problem ?? giveBack.problem ?? activate.problem ?? close.problem ?? revise.problem;

  const buttons: { key: string; label: string; onClick: () => void; busy: boolean; color?: string }[] = [];
  if (can.submit && edited.status === 'DRAFT') {
    buttons.push({ key: 'submit', label: t('plan.step.submit'), onClick: () => void submit.run(step(edited)), busy: submit.busy });
  }
  if (edited.status === 'SUBMITTED' && !returning) {
    if (can.approve) {
      buttons.push({ key: 'approve', label: t('plan.step.approve'), onClick: () => void approve.run(step(edited)), busy: approve.busy });
    }
    if (can.return) {
      buttons.push({ key: 'return', label: t('plan.step.return'), onClick: () => setReturning(true), busy: false, color: 'red.9' });
    }
  }
  if (can.activate && current.status === 'APPROVED') {
    buttons.push({ key: 'activate', label: t('plan.step.activate'), onClick: () => void activate.run(step(current)), busy: activate.busy });
  }
  if (can.close && current.status === 'ACTIVE') {
    buttons.push({ key: 'close', label: t('plan.step.close'), onClick: () => void close.run(step(current)), busy: close.busy, color: 'red.9' });
  }
  // A new revision is started from the plan in force, and only one is prepared at a time.
  if (can.revise && (current.status === 'APPROVED' || current.status === 'ACTIVE') && !plan.pending) {
    buttons.push({ key: 'revise', label: t('plan.step.revise'), onClick: () => void revise.run(step(current)), busy: revise.busy });
  }

  const sendReturn = async ({ comment }: { comment: string }) => {
    if (await giveBack.run({ input: { revisionId: edited.id, version: edited.version, comment: comment.trim() } })) {
      setReturning(false);
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
        <FormProblem problem={problem} placed={(f) => f === 'comment' && returning} onReload={onReload} />
        {buttons.length === 0 && !returning && <Text>{t('plan.noSteps')}</Text>}
        {unsaved && buttons.length > 0 && <Text size="sm">{t('plan.saveFirst')}</Text>}
        {noGoalsOrLines && can.submit && <Text size="sm">{t('plan.submitNeedsContent')}</Text>}
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
