// The goals of a draft revision: text, indicator, target date and status of each, added and
// removed in place. Errors are at the paths the server names ("goals.0.text").
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GoalStatus } from '../../gql/graphql';
import { DateInput } from '../../lib/DateInput';
import { goalStatuses } from './enums';
import { uid, type GoalRow } from './planDraft';

export function PlanGoalInputs({
  goals,
  onChange,
  errorAt,
  period,
}: {
  goals: GoalRow[];
  /** The plan's period, as far as it is known: target dates fall inside it. */
  period: { min?: string; max?: string };
  /** Changes the goals from the form's latest values. */
  onChange: (f: (goals: GoalRow[]) => GoalRow[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setGoal = (i: number, g: Partial<GoalRow>) => onChange((gs) => gs.map((x, j) => (j === i ? { ...x, ...g } : x)));
  return (
    <>
    <Title order={3}>{t('plan.goals')}</Title>
    {goals.length === 0 && <Text>{t('plan.noGoals')}</Text>}
    {goals.map((g, i) => (
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
          <DateInput
            label={t('plan.goalTargetDate')}
            value={g.targetDate}
            min={period.min}
            max={period.max}
            onChange={(value) => setGoal(i, { targetDate: value })}
            error={errorAt(`goals.${i}.targetDate`)}
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
          <Button variant="subtle" color="red.9" c="red.9" onClick={() => onChange((gs) => gs.filter((_, j) => j !== i))}>
            {t('plan.removeGoal', { n: i + 1 })}
          </Button>
        </Group>
      </Fieldset>
    ))}
    <Group>
      <Button
        variant="default"
        onClick={() =>
          onChange((gs) => [...gs, { uid: uid(), key: null, text: '', indicator: '', targetDate: '', status: 'NOT_STARTED' }])
        }
      >
        {t('plan.addGoal')}
      </Button>
    </Group>
    </>
  );
}
