// The editor of a draft revision: period, budget, goals and service lines, saved together by
// one updatePlanDraft that names the revision's version. Unit prices and amounts are the
// server's (the provider's price on the plan's first day, else the catalogue's): a line shows
// them once saved.
import { Button, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import type { GoalStatus, Recipient, UpdatePlanDraftInput } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import type { RevisionData } from '../../pages/cases/planQuery';
import { problemAt, type Problem } from '../../lib/caseErrors';
import { goalStatuses } from './enums';
import { FormProblem } from '../FormProblem';
import { moneyInputValue, parseMoneyInput } from '../../lib/money';
import { useProviders, useServiceTypes } from '../../lib/referenceData';
import { useForm } from '../../lib/useForm';

interface GoalRow {
  uid: number;
  key: string | null;
  text: string;
  indicator: string;
  targetDate: string;
  status: GoalStatus;
}

interface LineRow {
  uid: number;
  key: string | null;
  serviceTypeId: string;
  recipient: Recipient | '';
  providerId: string;
  plannedUnits: number | string;
}

interface Draft {
  validFrom: string;
  validTo: string;
  budget: string;
  goals: GoalRow[];
  lines: LineRow[];
}

let nextUid = 1;
const uid = () => nextUid++;

function draftOf(r: RevisionData, language: string): Draft {
  return {
    validFrom: r.validFrom,
    validTo: r.validTo,
    budget: moneyInputValue(r.budget, language),
    goals: r.goals.map((g) => ({ uid: uid(), key: g.key, text: g.text, indicator: g.indicator, targetDate: g.targetDate ?? '', status: g.status })),
    lines: r.lines.map((l) => ({
      uid: uid(),
      key: l.key,
      serviceTypeId: l.serviceType.id,
      recipient: l.recipient,
      providerId: l.provider?.id ?? '',
      plannedUnits: l.plannedUnits,
    })),
  };
}

type OwnError = 'child.errors.required' | 'plan.errors.money' | 'plan.errors.units';

/** What is wrong before sending, by the path the server would name (e.g. "lines.0.plannedUnits"). */
function check(d: Draft): Record<string, OwnError> {
  const errors: Record<string, OwnError> = {};
  if (d.validFrom === '') errors.validFrom = 'child.errors.required';
  if (d.validTo === '') errors.validTo = 'child.errors.required';
  if (d.budget.trim() === '') errors.budget = 'child.errors.required';
  else if (parseMoneyInput(d.budget) === null) errors.budget = 'plan.errors.money';
  d.goals.forEach((g, i) => {
    if (g.text.trim() === '') errors[`goals.${i}.text`] = 'child.errors.required';
    if (g.indicator.trim() === '') errors[`goals.${i}.indicator`] = 'child.errors.required';
  });
  d.lines.forEach((l, i) => {
    if (l.serviceTypeId === '') errors[`lines.${i}.serviceTypeId`] = 'child.errors.required';
    if (l.recipient === '') errors[`lines.${i}.recipient`] = 'child.errors.required';
    const units = Number(l.plannedUnits);
    if (l.plannedUnits === '' || !Number.isInteger(units) || units < 1 || units > 10000) errors[`lines.${i}.plannedUnits`] = 'plan.errors.units';
  });
  return errors;
}

/** The input of updatePlanDraft: the whole draft, with the version it was based on. */
export function toDraftInput(r: RevisionData, d: Draft): UpdatePlanDraftInput {
  return {
    revisionId: r.id,
    version: r.version,
    validFrom: d.validFrom,
    validTo: d.validTo,
    budget: parseMoneyInput(d.budget) ?? d.budget,
    goals: d.goals.map((g) => ({
      key: g.key,
      text: g.text.trim(),
      indicator: g.indicator.trim(),
      targetDate: g.targetDate === '' ? null : g.targetDate,
      status: g.status,
    })),
    lines: d.lines.map((l) => ({
      key: l.key,
      serviceTypeId: l.serviceTypeId,
      recipient: l.recipient as Recipient,
      providerId: l.providerId === '' ? null : l.providerId,
      plannedUnits: Number(l.plannedUnits),
    })),
  };
}

export function PlanDraftForm({
  revision,
  busy,
  problem,
  onSave,
  onDirtyChange,
  onReload,
}: {
  revision: RevisionData;
  busy: boolean;
  problem: Problem | null;
  /** Saves the draft; resolves once the answer (or its problem) is in. */
  onSave: (input: UpdatePlanDraftInput) => Promise<void>;
  onDirtyChange: (dirty: boolean) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serviceTypes = useServiceTypes();
  const providers = useProviders();
  // Fields are the paths the server names ("lines.0.plannedUnits").
  const form = useForm<Draft, string>({ initial: () => draftOf(revision, language), validate: check, serverError: problemAt(problem, t) });
  const draft = form.values;
  const [dirty, setDirty] = useState(false);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (f: (d: Draft) => Draft) => {
    form.setValues(f);
    setDirty(true);
  };
  const setGoal = (i: number, g: Partial<GoalRow>) => change((d) => ({ ...d, goals: d.goals.map((x, j) => (j === i ? { ...x, ...g } : x)) }));
  const setLine = (i: number, l: Partial<LineRow>) => change((d) => ({ ...d, lines: d.lines.map((x, j) => (j === i ? { ...x, ...l } : x)) }));

  const errorAt = form.error;
  // Which paths the form shows errors at; any other goes above the form.
  const placed = (path: string) => /^(validFrom|validTo|budget|(goals\.\d+\.(text|indicator|status))|(lines\.\d+\.(serviceTypeId|recipient|providerId|plannedUnits)))$/.test(path);

  const save = (d: Draft) => onSave(toDraftInput(revision, d));

  const savedLine = (row: LineRow) => {
    const l = row.key ? revision.lines.find((x) => x.key === row.key) : undefined;
    // The server's price holds for the line as saved; a changed line gets its price on saving.
    if (!l || l.serviceType.id !== row.serviceTypeId || (l.provider?.id ?? '') !== row.providerId || l.plannedUnits !== Number(row.plannedUnits)) return null;
    return l;
  };

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(save)} noValidate aria-labelledby="draft-title">
      <Stack gap="md">
        <Title order={2} id="draft-title">
          {t('plan.draftTitle', { number: revision.number })}
        </Title>
        <FormProblem problem={problem} placed={placed} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('plan.validFrom')}
            required
            value={draft.validFrom}
            onChange={(e) => {
              const v = e.currentTarget.value;
              change((d) => ({ ...d, validFrom: v }));
            }}
            error={errorAt('validFrom')}
          />
          <TextInput
            type="date"
            label={t('plan.validTo')}
            required
            value={draft.validTo}
            onChange={(e) => {
              const v = e.currentTarget.value;
              change((d) => ({ ...d, validTo: v }));
            }}
            error={errorAt('validTo')}
          />
          <TextInput
            label={t('plan.budget')}
            description={t('plan.moneyHint')}
            required
            inputMode="decimal"
            value={draft.budget}
            onChange={(e) => {
              const v = e.currentTarget.value;
              change((d) => ({ ...d, budget: v }));
            }}
            error={errorAt('budget')}
          />
        </SimpleGrid>

        <Title order={3}>{t('plan.goals')}</Title>
        {draft.goals.length === 0 && <Text>{t('plan.noGoals')}</Text>}
        {draft.goals.map((g, i) => (
          <Fieldset key={g.uid} legend={t('plan.goalN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Textarea
                label={t('plan.goalText')}
                required
                rows={2}
                value={g.text}
                onChange={(e) => setGoal(i, { text: e.currentTarget.value })}
                error={errorAt(`goals.${i}.text`)}
              />
              <Textarea
                label={t('plan.goalIndicator')}
                required
                rows={2}
                value={g.indicator}
                onChange={(e) => setGoal(i, { indicator: e.currentTarget.value })}
                error={errorAt(`goals.${i}.indicator`)}
              />
              <TextInput
                type="date"
                label={t('plan.goalTargetDate')}
                value={g.targetDate}
                onChange={(e) => setGoal(i, { targetDate: e.currentTarget.value })}
              />
              <NativeSelect
                label={t('plan.goalStatus')}
                value={g.status}
                onChange={(e) => setGoal(i, { status: e.currentTarget.value as GoalStatus })}
                data={goalStatuses.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
                error={errorAt(`goals.${i}.status`)}
              />
            </SimpleGrid>
            <Group mt="sm">
              <Button variant="subtle" color="red.9" c="red.9" onClick={() => change((d) => ({ ...d, goals: d.goals.filter((_, j) => j !== i) }))}>
                {t('plan.removeGoal', { n: i + 1 })}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              change((d) => ({ ...d, goals: [...d.goals, { uid: uid(), key: null, text: '', indicator: '', targetDate: '', status: 'NOT_STARTED' }] }))
            }
          >
            {t('plan.addGoal')}
          </Button>
        </Group>

        <Title order={3}>{t('plan.lines')}</Title>
        {draft.lines.length === 0 && <Text>{t('plan.noLines')}</Text>}
        {draft.lines.map((l, i) => {
          const type = serviceTypes.find((s) => s.id === l.serviceTypeId);
          const saved = savedLine(l);
          return (
            <Fieldset key={l.uid} legend={t('plan.lineN', { n: i + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                <NativeSelect
                  label={t('plan.serviceType')}
                  required
                  value={l.serviceTypeId}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    const allowed = serviceTypes.find((s) => s.id === id)?.recipients ?? [];
                    // Keep the recipient if the new service has it, else take its first one.
                    setLine(i, { serviceTypeId: id, recipient: l.recipient && allowed.includes(l.recipient) ? l.recipient : (allowed[0] ?? '') });
                  }}
                  data={[
                    { value: '', label: t('caseForm.choose') },
                    ...serviceTypes.map((s) => ({ value: s.id, label: language === 'en' ? s.nameEn : s.name })),
                  ]}
                  error={errorAt(`lines.${i}.serviceTypeId`)}
                />
                <NativeSelect
                  label={t('plan.recipient')}
                  required
                  value={l.recipient}
                  onChange={(e) => setLine(i, { recipient: e.currentTarget.value as Recipient })}
                  data={[
                    { value: '', label: t('caseForm.choose') },
                    ...(type?.recipients ?? []).map((r) => ({ value: r, label: t(`recipient.${r}`) })),
                  ]}
                  error={errorAt(`lines.${i}.recipient`)}
                />
                <NativeSelect
                  label={t('plan.provider')}
                  value={l.providerId}
                  onChange={(e) => setLine(i, { providerId: e.currentTarget.value })}
                  data={[{ value: '', label: t('plan.noProvider') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
                  error={errorAt(`lines.${i}.providerId`)}
                />
                <NumberInput
                  label={type ? t('plan.plannedUnitsOf', { unit: t(`serviceUnitPlural.${type.unit}`) }) : t('plan.plannedUnits')}
                  required
                  min={1}
                  max={10000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={l.plannedUnits}
                  onChange={(v) => setLine(i, { plannedUnits: v })}
                  error={errorAt(`lines.${i}.plannedUnits`)}
                />
              </SimpleGrid>
              <Group justify="space-between" mt="sm">
                <Text size="sm" data-testid="line-amount">
                  {saved
                    ? t('plan.lineAmount', {
                        units: saved.plannedUnits,
                        price: formatMoney(saved.unitPrice, language),
                        amount: formatMoney(saved.amount, language),
                        source: t(`priceSource.${saved.priceSource}`),
                      })
                    : t('plan.lineAmountOnSave')}
                </Text>
                <Button variant="subtle" color="red.9" c="red.9" onClick={() => change((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }))}>
                  {t('plan.removeLine', { n: i + 1 })}
                </Button>
              </Group>
            </Fieldset>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              change((d) => ({ ...d, lines: [...d.lines, { uid: uid(), key: null, serviceTypeId: '', recipient: '', providerId: '', plannedUnits: 10 }] }))
            }
          >
            {t('plan.addLine')}
          </Button>
        </Group>

        <Group>
          <Button type="submit" loading={busy}>
            {t('plan.save')}
          </Button>
          {dirty && (
            <Text size="sm" role="status">
              {t('plan.unsaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
