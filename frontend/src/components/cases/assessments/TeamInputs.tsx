import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Specialty } from '../../../gql/graphql';
import { specialties } from '../enums';
import { emptyMember, type TeamRow } from './assessmentData';

/** Rows of team members: name and specialty, with add and remove. */
export function TeamInputs({ team, onChange, error }: { team: TeamRow[]; onChange: (team: TeamRow[]) => void; error?: string }) {
  const { t } = useTranslation();
  const set = (i: number, row: Partial<TeamRow>) => onChange(team.map((m, j) => (j === i ? { ...m, ...row } : m)));
  return (
    <Fieldset legend={t('assessments.team')}>
      <Stack gap="xs">
        {team.map((m, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('assessments.memberName', { n: i + 1 })}
              required
              value={m.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('assessments.memberSpecialty', { n: i + 1 })}
              required
              value={m.specialty}
              onChange={(e) => set(i, { specialty: e.currentTarget.value as Specialty })}
              data={[{ value: '', label: t('caseForm.choose') }, ...specialties.map((s) => ({ value: s, label: t(`specialty.${s}`) }))]}
            />
            <Button variant="subtle" color="red.9" c="red.9" onClick={() => onChange(team.filter((_, j) => j !== i))}>
              {t('assessments.removeMember', { n: i + 1 })}
            </Button>
          </Group>
        ))}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => onChange([...team, emptyMember])}>
            {t('assessments.addMember')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
