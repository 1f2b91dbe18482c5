// Quick entry of a delivered session (or hours, or days) for a line of an active plan: the
// line, the day (today when the plan's period holds it, else the period's nearest day), the units (1 unless changed), the parent for a
// parents' service, the provider when the line names none, the specialist and a note. Each
// entry carries an idempotency key made once for it and kept through retries until the entry
// is recorded, so that a retry after a lost answer does not record the session twice.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import { deliveryFieldMessageKey, problemAt } from '../../lib/caseErrors';
import { DateInput, dateProblem } from '../../lib/DateInput';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';
import { FormProblem } from '../FormProblem';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useProviders } from '../../lib/referenceData';
import { todayInRiga } from '../../lib/dates';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useForm, type FieldErrors } from '../../lib/useForm';
import { checkDeliveryInputs, UnitsInput } from './deliveryInputs';
import { recordDeliveryMutation, type LineUsageData, type PlanUsageData } from './deliveryQueries';
import { lineName } from './PlanUsageView';

/** The inputs the form shows server errors at, by the name the server gives them. */
const fields = ['lineKey', 'date', 'units', 'parentId', 'providerId', 'specialistName', 'note'] as const;
type Field = (typeof fields)[number];
type EntryValues = Record<Exclude<Field, 'units'>, string> & { units: number | string };

/**
 * The day an entry starts with: today when the plan's period holds it, the period's last day
 * when it has ended, its first day when it has not begun. (Today outside the period would be
 * refused by the server: the plan is active only within it.)
 */
export function defaultEntryDate(period: { from: string; to: string }, today: string = todayInRiga()): string {
  if (today > period.to) return period.to;
  if (today < period.from) return period.from;
  return today;
}

export function QuickEntryForm({
  planId,
  period,
  lines,
  parents,
  onRecorded,
}: {
  planId: string;
  /** The period of the revision in force (yyyy-mm-dd): deliveries fall inside it. */
  period: { from: string; to: string };
  /** The lines of the revision in force that the user may record for. */
  lines: LineUsageData[];
  parents: PlanUsageData['child']['parents'];
  /** Called after a delivery was recorded: the usage and the log are stale. */
  onRecorded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const providers = useProviders();
  const record = useCaseMutation(recordDeliveryMutation);
  const [recorded, setRecorded] = useState<string | null>(null);
  // One key per entry: the same for every retry of this entry, a new one once it is recorded.
  const key = useRef(newIdempotencyKey());
  const lineOf = (v: EntryValues) => lines.find((l) => l.line.key === v.lineKey)?.line;
  const form = useForm<EntryValues, Field>({
    initial: () => ({
      lineKey: lines[0]?.line.key ?? '',
      date: defaultEntryDate(period),
      units: 1,
      parentId: parents.length === 1 ? parents[0].parent.id : '',
      providerId: '',
      specialistName: '',
      note: '',
    }),
    validate: (v) => {
      const line = lineOf(v);
      const errors: FieldErrors<Field> = checkDeliveryInputs(v, line?.recipient === 'PARENTS').errors;
      if (!line) errors.lineKey = 'child.errors.required';
      const outside = errors.date ? undefined : dateProblem(v.date, { min: period.from, max: period.to });
      if (outside) errors.date = outside;
      if (line && !line.provider && v.providerId === '') errors.providerId = 'child.errors.required';
      return errors;
    },
    serverError: problemAt(record.problem, t, deliveryFieldMessageKey),
    onAttempt: () => {
      setRecorded(null);
      record.setProblem(null);
    },
  });
  const v = form.values;

  const line = lineOf(v);
  const forParents = line?.recipient === 'PARENTS';
  const needsProvider = line !== undefined && !line.provider;
  const set = (f: Field, value: string | number) => {
    setRecorded(null);
    form.set(f, value);
  };
  const errorAt = form.error;

  const send = async (v: EntryValues) => {
    const { date, units } = checkDeliveryInputs(v, forParents);
    if (!line || !date) return;
    const { data, problem } = await record.attempt({
      input: {
        idempotencyKey: key.current,
        planId,
        lineKey: line.key,
        date,
        units,
        parentId: forParents ? v.parentId : null,
        providerId: needsProvider ? v.providerId : null,
        specialistName: v.specialistName.trim() || null,
        note: v.note.trim() || null,
      },
    });
    if (problem?.code === 'IDEMPOTENCY_KEY_REUSED') {
      // The key was recorded by an earlier attempt whose answer got lost, with the entry as it
      // was then: that delivery exists (the log shows it), and this entry needs a key of its own.
      key.current = newIdempotencyKey();
      onRecorded();
    }
    if (data) {
      key.current = newIdempotencyKey();
      setRecorded(
        t('deliveries.recorded', {
          date: formatDate(date),
          service: lineName(line, language, t),
          units: t(`unitCount.${line.serviceType.unit}`, { count: units }),
        }),
      );
      // The next entry is most often another session of the same line on another day.
      const next = { ...v, units: 1, note: '' };
      form.setValues(next);
      form.markSaved(next);
      onRecorded();
    }
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <Paper withBorder p="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate aria-labelledby="quick-entry-title">
        <Stack gap="sm">
          <Title order={3} id="quick-entry-title">
            {t('deliveries.entryTitle')}
          </Title>
          <FormProblem problem={record.problem} placed={(f) => (fields as readonly string[]).includes(f)} unit={line?.serviceType.unit} />
          {recorded && (
            <Text role="status" c="teal.9" fw={500}>
              {recorded}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <NativeSelect
              label={t('deliveries.line')}
              required
              value={v.lineKey}
              name="lineKey"
              onChange={(e) => set('lineKey', e.currentTarget.value)}
              data={lines.map((l) => ({
                value: l.line.key,
                label: l.line.provider ? `${lineName(l.line, language, t)} — ${l.line.provider.name}` : lineName(l.line, language, t),
              }))}
              error={errorAt('lineKey')}
            />
            <DateInput
              label={t('deliveries.date')}
              required
              value={v.date}
              min={period.from}
              max={period.to}
              name="date"
              onChange={(value) => set('date', value)}
              error={errorAt('date')}
            />
            <UnitsInput unit={line?.serviceType.unit} value={v.units} onChange={(value) => set('units', value)} error={errorAt('units')} />
            {forParents && (
              <NativeSelect
                label={t('deliveries.parent')}
                required
                value={v.parentId}
                name="parentId"
                onChange={(e) => set('parentId', e.currentTarget.value)}
                data={[
                  { value: '', label: t('caseForm.choose') },
                  ...parents.map((p) => ({ value: p.parent.id, label: `${p.parent.lastName} ${p.parent.firstName} (${t(`relation.${p.relation}`)})` })),
                ]}
                error={errorAt('parentId')}
              />
            )}
            {needsProvider && (
              <NativeSelect
                label={t('deliveries.provider')}
                required
                value={v.providerId}
                name="providerId"
                onChange={(e) => set('providerId', e.currentTarget.value)}
                data={[{ value: '', label: t('caseForm.choose') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
                error={errorAt('providerId')}
              />
            )}
            <TextInput
              label={t('deliveries.specialist')}
              description={t('deliveries.specialistHint')}
              value={v.specialistName}
              name="specialistName"
              onChange={(e) => set('specialistName', e.currentTarget.value)}
              error={errorAt('specialistName')}
            />
            <TextInput label={t('deliveries.note')} value={v.note} name="note" onChange={(e) => set('note', e.currentTarget.value)} error={errorAt('note')} />
          </SimpleGrid>
          {unsaved.guard}
          <Group>
            <Button type="submit" loading={record.busy}>
              {t('deliveries.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
