// The form of a child's data, for registering a child and for changing one. It checks what it
// can before sending (required fields, the personal code) and shows the server's answer at
// the field it names.
import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImpairmentKind, LivingArrangement, Sex } from '../../gql/graphql';
import { emptyChild, type ChildFormValues } from './childFormValues';
import { fieldMessageKey, problemAt, type Problem } from '../../lib/caseErrors';
import { impairmentKinds, livingArrangements, sexes } from './enums';
import { FormProblem } from '../FormProblem';
import { birthDateOfPersonalCode, personalCodeProblem } from './personalCode';
import { requiredFields, useForm, type FieldErrors } from '../../lib/useForm';
import { DateInput, dateProblem, isDate } from '../../lib/DateInput';
import { todayInRiga } from '../../lib/dates';
import { FormActions } from '../FormActions';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';

export { emptyChild, toChildInput, type ChildFormValues } from './childFormValues';

type Field = keyof ChildFormValues;
const fields: readonly Field[] = Object.keys(emptyChild) as Field[];
const required: readonly Field[] = ['personalCode', 'firstName', 'lastName', 'birthDate', 'sex', 'municipalityId', 'livingArrangement'];

/** The days each date may fall on: no birth in the future, periods that end after they start. */
function dateLimits(v: ChildFormValues): Partial<Record<Field, { min?: string; max?: string }>> {
  const after = (s: string) => (isDate(s) ? s : undefined);
  return {
    birthDate: { max: todayInRiga() },
    disabilityFrom: { min: after(v.birthDate) },
    disabilityTo: { min: after(v.disabilityFrom) ?? after(v.birthDate) },
    specialCareNeedFrom: { min: after(v.birthDate) },
    specialCareNeedTo: { min: after(v.specialCareNeedFrom) ?? after(v.birthDate) },
  };
}

/** The translation keys of what is wrong before sending, by field. */
function check(v: ChildFormValues) {
  const errors: FieldErrors<Field> = requiredFields(v, required);
  for (const [f, limits] of Object.entries(dateLimits(v)) as [Field, { min?: string; max?: string }][]) {
    const problem = dateProblem(v[f] as string, { required: required.includes(f), ...limits });
    if (problem) errors[f] = problem;
  }
  const pc = v.personalCode.trim();
  if (pc !== '') {
    const problem = personalCodeProblem(pc);
    if (problem) errors.personalCode = `personalCodeProblem.${problem}`;
    const coded = birthDateOfPersonalCode(pc);
    if (!problem && coded && v.birthDate !== '' && coded !== v.birthDate) errors.birthDate = 'child.errors.birthDateMismatch';
  }
  return errors;
}

export function ChildForm({
  initial,
  municipalities,
  submitLabel,
  busy,
  problem,
  onSubmit,
  onCancel,
  onReload,
}: {
  initial: ChildFormValues;
  municipalities: { id: string; name: string }[];
  submitLabel: string;
  busy: boolean;
  problem: Problem | null;
  /** Sends the values; resolves once the answer (or its problem) is in. */
  onSubmit: (values: ChildFormValues) => Promise<void>;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ChildFormValues, Field>({ initial, validate: check, serverError: problemAt(problem, t, fieldMessageKey) });
  const { values, set, error: errorAt } = form;

  const limits = dateLimits(values);
  const dateInput = (f: Field, label: string, isRequired = false) => (
    <DateInput
      label={label}
      name={f}
      required={isRequired}
      value={values[f] as string}
      min={limits[f]?.min}
      max={limits[f]?.max}
      onChange={(value) => set(f, value as never)}
      error={errorAt(f)}
    />
  );

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(onSubmit))} noValidate>
      <Stack gap="md">
        <FormProblem problem={problem} placed={(f) => (fields as readonly string[]).includes(f)} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('child.personalCode')}
            description={t('child.personalCodeHint')}
            required
            autoComplete="off"
            value={values.personalCode}
            name="personalCode"
            onChange={(e) => set('personalCode', e.currentTarget.value)}
            onBlur={() => {
              // An old-format code carries the birth date: fill it in when it is still empty.
              const coded = birthDateOfPersonalCode(values.personalCode);
              if (coded && values.birthDate === '') set('birthDate', coded);
            }}
            error={errorAt('personalCode')}
          />
          {dateInput('birthDate', t('child.birthDate'), true)}
          <TextInput
            label={t('child.firstName')}
            required
            value={values.firstName}
            name="firstName"
            onChange={(e) => set('firstName', e.currentTarget.value)}
            error={errorAt('firstName')}
          />
          <TextInput
            label={t('child.lastName')}
            required
            value={values.lastName}
            name="lastName"
            onChange={(e) => set('lastName', e.currentTarget.value)}
            error={errorAt('lastName')}
          />
          <NativeSelect
            label={t('child.sex')}
            required
            value={values.sex}
            name="sex"
            onChange={(e) => set('sex', e.currentTarget.value as Sex | '')}
            data={[{ value: '', label: t('caseForm.choose') }, ...sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
            error={errorAt('sex')}
          />
          <NativeSelect
            label={t('child.municipality')}
            required
            value={values.municipalityId}
            name="municipalityId"
            onChange={(e) => set('municipalityId', e.currentTarget.value)}
            data={[{ value: '', label: t('caseForm.choose') }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
            error={errorAt('municipalityId')}
          />
          <NativeSelect
            label={t('child.livingArrangement')}
            required
            value={values.livingArrangement}
            name="livingArrangement"
            onChange={(e) => set('livingArrangement', e.currentTarget.value as LivingArrangement | '')}
            data={[
              { value: '', label: t('caseForm.choose') },
              ...livingArrangements.map((k) => ({ value: k, label: t(`livingArrangement.${k}`) })),
            ]}
            error={errorAt('livingArrangement')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {dateInput('disabilityFrom', t('child.disabilityFrom'))}
          {dateInput('disabilityTo', t('child.disabilityTo'))}
          {dateInput('specialCareNeedFrom', t('child.specialCareNeedFrom'))}
          {dateInput('specialCareNeedTo', t('child.specialCareNeedTo'))}
        </SimpleGrid>
        <Checkbox.Group
          label={t('child.impairments')}
          value={values.impairments}
          onChange={(v) => set('impairments', v as ImpairmentKind[])}
          error={errorAt('impairments')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" mt="xs">
            {impairmentKinds.map((k) => (
              <Checkbox key={k} value={k} label={t(`impairment.${k}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {unsaved.guard}
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
