import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunctioningArea } from '../../../gql/graphql';
import { functioningAreas } from '../enums';
import type { Qualifier } from './assessmentData';

/** A finding of an area as the form holds it; an empty qualifier is "not assessed". */
export type FindingRow = { qualifier: string; note: string };
export type Findings = Record<FunctioningArea, FindingRow>;

/** One qualifier and note per area of functioning, with the server's error below them. */
export function FindingsInputs({ findings, onChange, error }: { findings: Findings; onChange: (area: FunctioningArea, row: Partial<FindingRow>) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('assessments.findings')}>
      <Text size="sm" mb="xs">
        {t('assessments.findingsHint')}
      </Text>
      <Stack gap="xs">
        {functioningAreas.map((area) => (
          <SimpleGrid key={area} cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t(`area.${area}`)}
              value={findings[area].qualifier}
              onChange={(e) => onChange(area, { qualifier: e.currentTarget.value })}
              data={[
                { value: '', label: t('assessments.notAssessed') },
                ...[0, 1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`qualifier.${q as Qualifier}`) })),
              ]}
            />
            <TextInput
              label={t('assessments.noteFor', { area: t(`area.${area}`) })}
              value={findings[area].note}
              disabled={findings[area].qualifier === ''}
              onChange={(e) => onChange(area, { note: e.currentTarget.value })}
            />
          </SimpleGrid>
        ))}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
