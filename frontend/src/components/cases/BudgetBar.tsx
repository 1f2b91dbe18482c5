// How much of a plan's individual budget its service lines take: a bar and the figures in
// words (the bar alone says nothing to a screen reader or in a printout).
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import { percentOf, toCents } from '../../lib/money';

export function BudgetBar({ budget, linesTotal, unplanned }: { budget: string; linesTotal: string; unplanned: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const percent = percentOf(linesTotal, budget);
  const over = toCents(linesTotal) > toCents(budget);
  const used = formatMoney(linesTotal, language);
  const total = formatMoney(budget, language);
  return (
    <Stack gap={6} data-testid="budget-bar">
      <Group justify="space-between" gap="xs">
        <Text fw={500}>{t('plan.budgetUsed', { used, total, percent })}</Text>
        <Text>{t('plan.budgetUnplanned', { amount: formatMoney(unplanned, language) })}</Text>
      </Group>
      {/* The bar carries the progressbar role itself: Mantine's own would announce only the
          percentage, hiding the amounts from a screen reader. */}
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('plan.budgetBarLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('plan.budgetUsed', { used, total, percent })}
      >
        <Progress.Section value={Math.min(percent, 100)} color={over ? 'red.9' : 'blue.9'} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
