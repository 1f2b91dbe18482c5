// Changing a recorded or verified delivery: correcting it (the values before are kept, with
// the reason) or rejecting it with a reason. Both name the version the user saw, so that a
// change someone made meanwhile is answered with CONFLICT instead of being overwritten.
import { NativeSelect, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import { deliveryFieldMessageKey, problemAt } from '../../lib/caseErrors';
import { DateInput } from '../../lib/DateInput';
import { FormProblem } from '../FormProblem';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { requiredFields, useForm } from '../../lib/useForm';
import { correctDeliveryMutation, rejectDeliveryMutation, type DeliveryData } from './deliveryQueries';
import { checkDeliveryInputs, UnitsInput } from './deliveryInputs';
import { FormActions } from '../FormActions';

/** "15.03.2021, Fizioterapija": which delivery a form or button is about. */
export function deliveryLabel(d: DeliveryData, language: string): string {
  return `${formatDate(d.date)}, ${language === 'en' ? d.serviceType.nameEn : d.serviceType.name}`;
}

/** May a delivery in this status still change? A claimed one is locked, a rejected one final. */
export function changeable(d: DeliveryData): boolean {
  return d.status === 'RECORDED' || d.status === 'VERIFIED';
}

export function RejectDeliveryForm({
  delivery,
  label,
  onDone,
  onCancel,
  onReload,
}: {
  delivery: DeliveryData;
  /** Which delivery, in words (the queue adds the child). */
  label: string;
  onDone: () => void;
  onCancel: () => void;
  /** After a CONFLICT: load the list anew. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const reject = useCaseMutation(rejectDeliveryMutation);
  const form = useForm({
    initial: { reason: '' },
    validate: (v) => requiredFields(v, ['reason']),
    serverError: problemAt(reject.problem, t, deliveryFieldMessageKey),
    focusOnOpen: true,
  });

  const send = async ({ reason }: { reason: string }) => {
    if (await reject.run({ input: { deliveryId: delivery.id, version: delivery.version, reason: reason.trim() } })) onDone();
  };

  return (
    <Paper withBorder p="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-labelledby={`reject-${delivery.id}`}>
        <Stack gap="sm">
          <Title order={3} id={`reject-${delivery.id}`}>
            {t('deliveries.rejectTitle', { label })}
          </Title>
          <FormProblem problem={reject.problem} placed={(f) => f === 'reason'} onReload={onReload} />
          <Textarea
            label={t('deliveries.rejectReason')}
            required
            rows={2}
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.error('reason')}
          />
          <FormActions submitLabel={t('deliveries.rejectSubmit')} busy={reject.busy} color="red.9" onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

const correctFields = ['date', 'units', 'parentId', 'specialistName', 'note', 'reason'] as const;
type CorrectField = (typeof correctFields)[number];
type CorrectValues = Record<Exclude<CorrectField, 'units'>, string> & { units: number | string };

export function CorrectDeliveryForm({
  delivery,
  parents,
  onDone,
  onCancel,
  onReload,
}: {
  delivery: DeliveryData;
  /** The child's parents, for a parents' service. */
  parents: { id: string; label: string }[];
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const correct = useCaseMutation(correctDeliveryMutation);
  const forParents = delivery.recipient === 'PARENTS';
  const form = useForm<CorrectValues, CorrectField>({
    initial: {
      date: formatDate(delivery.date),
      units: delivery.units,
      parentId: delivery.parent?.id ?? '',
      specialistName: delivery.specialistName ?? '',
      note: delivery.note ?? '',
      reason: '',
    },
    validate: (v) => ({ ...checkDeliveryInputs(v, forParents).errors, ...requiredFields(v, ['specialistName', 'reason']) }),
    serverError: problemAt(correct.problem, t, deliveryFieldMessageKey),
    onAttempt: () => correct.setProblem(null),
    focusOnOpen: true,
  });
  const { values: v, set, error: errorAt } = form;

  const send = async (v: CorrectValues) => {
    const { date, units } = checkDeliveryInputs(v, forParents);
    if (!date) return;
    const done = await correct.run({
      input: {
        deliveryId: delivery.id,
        version: delivery.version,
        date,
        units,
        parentId: forParents ? v.parentId : null,
        specialistName: v.specialistName.trim(),
        note: v.note.trim() || null,
        reason: v.reason.trim(),
      },
    });
    if (done) onDone();
  };

  return (
    <Paper withBorder p="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate aria-labelledby={`correct-${delivery.id}`}>
        <Stack gap="sm">
          <Title order={3} id={`correct-${delivery.id}`}>
            {t('deliveries.correctTitle', { label: deliveryLabel(delivery, language) })}
          </Title>
          <FormProblem
            problem={correct.problem}
            placed={(f) => (correctFields as readonly string[]).includes(f)}
            onReload={onReload}
            unit={delivery.serviceType.unit}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <DateInput label={t('deliveries.date')} required value={v.date} onChange={(value) => set('date', value)} error={errorAt('date')} />
            <UnitsInput unit={delivery.serviceType.unit} value={v.units} onChange={(value) => set('units', value)} error={errorAt('units')} />
            {forParents && (
              <NativeSelect
                label={t('deliveries.parent')}
                required
                value={v.parentId}
                onChange={(e) => set('parentId', e.currentTarget.value)}
                data={[{ value: '', label: t('caseForm.choose') }, ...parents.map((p) => ({ value: p.id, label: p.label }))]}
                error={errorAt('parentId')}
              />
            )}
            <TextInput
              label={t('deliveries.specialist')}
              required
              value={v.specialistName}
              onChange={(e) => set('specialistName', e.currentTarget.value)}
              error={errorAt('specialistName')}
            />
            <TextInput label={t('deliveries.note')} value={v.note} onChange={(e) => set('note', e.currentTarget.value)} error={errorAt('note')} />
          </SimpleGrid>
          <Textarea
            label={t('deliveries.correctReason')}
            required
            rows={2}
            value={v.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={errorAt('reason')}
          />
          <FormActions submitLabel={t('deliveries.correctSubmit')} busy={correct.busy} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}
