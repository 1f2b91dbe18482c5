// A child's applications to DI projects: submitting one, and deciding a submitted one (accept,
// reject with a reason, withdraw), each with its history of status changes.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { SuccessMessage } from '../../SuccessMessage';
import { ApplicationCard } from './ApplicationCard';
import { lazyPreloaded, usePreload } from '../../../lib/lazyPreloaded';

// Loaded when asked for: the child page's first load stays within its budget.
const SubmitApplicationForm = lazyPreloaded(() => import('./SubmitApplicationForm'), 'SubmitApplicationForm');

export function ApplicationsSection({ child, editable }: { child: ChildData; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  usePreload(SubmitApplicationForm);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="child-applications">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-applications">
          {t('applications.title')}
        </Title>
        {editable && !adding && (
          <Button
            variant="outline"
            onClick={() => {
              setDone(null);
              setAdding(true);
            }}
          >
            {t('applications.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <SubmitApplicationForm
          child={child}
          onDone={(saved) => {
            setAdding(false);
            setDone(saved ? t('success.applicationSubmitted') : null);
          }}
        />
      )}
      <SuccessMessage message={done} />
      {child.applications.length === 0 ? (
        <Text>{t('applications.empty')}</Text>
      ) : (
        <Stack gap="sm" mt="sm">
          {child.applications.map((a) => (
            <ApplicationCard key={a.id} application={a} />
          ))}
        </Stack>
      )}
    </section>
  );
}
