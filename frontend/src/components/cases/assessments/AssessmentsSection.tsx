// A child's needs assessments: scheduling one with its team; recording the team's findings per
// area of functioning (ICF-CY chapters d1-d9, qualifier 0-4) and recommended services;
// completing or cancelling it.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SuccessMessage } from '../../SuccessMessage';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { AssessmentCard } from './AssessmentCard';
import { ScheduleForm } from './ScheduleForm';

export function AssessmentsSection({ child, editable }: { child: ChildData; editable: boolean }) {
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="child-assessments">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-assessments">
          {t('assessments.title')}
        </Title>
        {editable && !scheduling && (
          <Button
            variant="outline"
            onClick={() => {
              setDone(null);
              setScheduling(true);
            }}
          >
            {t('assessments.schedule')}
          </Button>
        )}
      </Group>
      {scheduling && (
        <ScheduleForm
          childId={child.id}
          onDone={(saved) => {
            setScheduling(false);
            setDone(saved ? t('success.assessmentScheduled') : null);
          }}
        />
      )}
      <SuccessMessage message={done} />
      {child.assessments.length === 0 ? (
        <Text>{t('assessments.empty')}</Text>
      ) : (
        <Stack gap="sm" mt="sm">
          {child.assessments.map((a) => (
            <AssessmentCard key={a.id} assessment={a} />
          ))}
        </Stack>
      )}
    </section>
  );
}
