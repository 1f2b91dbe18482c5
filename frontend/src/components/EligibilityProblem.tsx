// Why an application cannot be accepted, every reason the server found, in words.
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { eligibilityMessages, type Problem } from '../lib/caseErrors';

export function EligibilityProblem({ problem }: { problem: Problem | null }) {
  const { t } = useTranslation();
  const messages = eligibilityMessages(problem, t);
  if (!messages) return null;
  return (
    <Alert role="alert" color="red" variant="outline" title={t('eligibility.title')}>
      <List size="sm">
        {messages.map((m) => (
          <List.Item key={m}>{m}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
