import { ActionIcon, Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Recipient } from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n';
import { useServiceTypes } from '../../../lib/referenceData';

export type RecommendationRow = { serviceTypeId: string; recipient: Recipient | ''; units: number | string; note: string };

/** Rows of recommended services (service, recipient, units, note), with add and remove. */
export function RecommendationsInputs({
  recs,
  onChange,
  error,
}: {
  recs: RecommendationRow[];
  onChange: (recs: RecommendationRow[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serviceTypes = useServiceTypes();
  const setRec = (i: number, row: Partial<RecommendationRow>) => onChange(recs.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <Fieldset legend={t('assessments.recommendations')}>
      <Stack gap="xs">
        {recs.map((r, i) => {
          const type = serviceTypes.find((s) => s.id === r.serviceTypeId);
          return (
            <Group key={i} align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('assessments.recService', { n: i + 1 })}
                value={r.serviceTypeId}
                onChange={(e) => setRec(i, { serviceTypeId: e.currentTarget.value, recipient: '' })}
                data={[
                  { value: '', label: t('caseForm.choose') },
                  ...serviceTypes.map((s) => ({ value: s.id, label: language === 'en' ? s.nameEn : s.name })),
                ]}
              />
              <NativeSelect
                label={t('assessments.recRecipient', { n: i + 1 })}
                value={r.recipient}
                onChange={(e) => setRec(i, { recipient: e.currentTarget.value as Recipient })}
                data={[
                  { value: '', label: t('caseForm.choose') },
                  ...(type?.recipients ?? []).map((x) => ({ value: x, label: t(`recipient.${x}`) })),
                ]}
              />
              <NumberInput
                label={t('assessments.recUnits', { n: i + 1 })}
                min={1}
                max={10000}
                allowDecimal={false}
                value={r.units}
                onChange={(v) => setRec(i, { units: v })}
                w="8rem"
              />
              <TextInput label={t('assessments.recNote', { n: i + 1 })} value={r.note} onChange={(e) => setRec(i, { note: e.currentTarget.value })} />
              <ActionIcon
                variant="subtle"
                color="red.9"
                c="red.9"
                size="lg"
                aria-label={t('assessments.removeRec', { n: i + 1 })}
                onClick={() => onChange(recs.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => onChange([...recs, { serviceTypeId: '', recipient: '', units: 10, note: '' }])}>
            {t('assessments.addRec')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
