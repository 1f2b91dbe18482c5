// A mutation's problem that belongs to no single input, above the form: a translated message
// by its code. A CONFLICT (someone else saved the record meanwhile) offers to reload it, since
// nothing can be saved on top of the stale version.
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldMessageKey, formMessageKey, type Problem } from './caseErrors';

/**
 * Shows `problem` unless the form shows it at one of its inputs already (`placed` tells which
 * fields a form shows errors at). An invalid field the form has no input for gets the field's
 * message here, so that no error goes unseen.
 */
export function FormProblem({
  problem,
  placed = () => false,
  onReload,
}: {
  problem: Problem | null;
  placed?: (field: string) => boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (!problem || (problem.field && placed(problem.field))) return null;
  const conflict = problem.code === 'CONFLICT';
  const message = problem.field ? t(fieldMessageKey(problem.field)) : t(formMessageKey(problem));
  return (
    <Alert role="alert" color="red" variant="outline" title={t(conflict ? 'caseErrors.conflictTitle' : 'caseErrors.title')}>
      <Text>{message}</Text>
      {conflict && onReload && (
        <Button mt="sm" variant="outline" color="red.9" onClick={onReload}>
          {t('caseErrors.reload')}
        </Button>
      )}
    </Alert>
  );
}
