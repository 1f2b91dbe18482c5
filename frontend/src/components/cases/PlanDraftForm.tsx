// The editor of a draft revision: period, budget, goals and service lines, saved together by
// one updatePlanDraft that names the revision's version. Unit prices and amounts are the
// server's (the provider's price on the plan's first day, else the catalogue's): a line shows
// them once saved.
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdatePlanDraftInput } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import type { RevisionData } from '../../pages/cases/planQuery';
import { problemAt, type Problem } from '../../lib/caseErrors';
import { FormProblem } from '../FormProblem';
import { useForm } from '../../lib/useForm';
import { DateInput, isDate } from '../../lib/DateInput';
import { check, draftOf, goalPeriod, toDraftInput, type Draft } from './planDraft';
import { PlanGoalInputs } from './PlanGoalInputs';
import { PlanLineInputs } from './PlanLineInputs';

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
  // Fields are the paths the server names ("lines.0.plannedUnits").
  const form = useForm<Draft, string>({ initial: () => draftOf(revision, language), validate: check, serverError: problemAt(problem, t) });
  const draft = form.values;
  const [dirty, setDirty] = useState(false);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (f: (d: Draft) => Draft) => {
    form.setValues(f);
    setDirty(true);
  };

  const errorAt = form.error;
  // Which paths the form shows errors at; any other goes above the form.
  const placed = (path: string) => /^(validFrom|validTo|budget|(goals\.\d+\.(text|indicator|status|targetDate))|(lines\.\d+\.(serviceTypeId|recipient|providerId|plannedUnits)))$/.test(path);

  const save = (d: Draft) => onSave(toDraftInput(revision, d));

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(save)} noValidate aria-labelledby="draft-title">
      <Stack gap="md">
        <Title order={2} id="draft-title">
          {t('plan.draftTitle', { number: revision.number })}
        </Title>
        <FormProblem problem={problem} placed={placed} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <DateInput
            label={t('plan.validFrom')}
            required
            value={draft.validFrom}
            max={isDate(draft.validTo) ? draft.validTo : undefined}
            onChange={(v) => change((d) => ({ ...d, validFrom: v }))}
            error={errorAt('validFrom')}
          />
          <DateInput
            label={t('plan.validTo')}
            required
            value={draft.validTo}
            min={isDate(draft.validFrom) ? draft.validFrom : undefined}
            onChange={(v) => change((d) => ({ ...d, validTo: v }))}
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

        <PlanGoalInputs goals={draft.goals} period={goalPeriod(draft)} onChange={(f) => change((d) => ({ ...d, goals: f(d.goals) }))} errorAt={errorAt} />
        <PlanLineInputs lines={draft.lines} revision={revision} onChange={(f) => change((d) => ({ ...d, lines: f(d.lines) }))} errorAt={errorAt} />

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
