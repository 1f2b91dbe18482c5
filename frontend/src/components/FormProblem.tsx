// A mutation's problem that belongs to no single input, above the form: a translated message
// by its code. A CONFLICT (someone else saved the record meanwhile) offers to reload it, since
// nothing can be saved on top of the stale version.
import { Alert, Button, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/format';
import type { ServiceUnit } from '../gql/graphql';
import { currentLanguage, type Language } from '../i18n';
import { fieldMessageKey, formMessageKey, type Problem, type ProblemCode } from '../lib/caseErrors';

/** The unit each cap counts in; a line's units are those of its service (given by the form). */
const capUnits: Partial<Record<ProblemCode, ServiceUnit>> = {
  CHILD_SESSION_CAP_EXCEEDED: 'SESSION',
  PARENT_SESSION_CAP_EXCEEDED: 'SESSION',
  HOME_CARE_WEEKLY_CAP_EXCEEDED: 'HOUR',
  RESPITE_DAYS_EXCEEDED: 'DAY',
};

/**
 * What remains of a broken limit, in words: "3 nodarbības", or an amount for the budget; null
 * when the server gave no figure.
 */
export function remainingText(problem: Problem, t: TFunction, language: Language, lineUnit?: ServiceUnit): string | null {
  if (!problem.remaining) return null;
  if (problem.code === 'BUDGET_EXCEEDED') return formatMoney(problem.remaining, language);
  const count = Number(problem.remaining);
  const unit = capUnits[problem.code] ?? (problem.code === 'LINE_UNITS_EXCEEDED' ? lineUnit : undefined);
  if (!unit || !Number.isInteger(count)) return problem.remaining;
  return t(`unitCount.${unit}`, { count });
}

/** The whole message of a problem shown above a form: what went wrong, and what remains. */
export function problemMessage(problem: Problem, t: TFunction, language: Language, lineUnit?: ServiceUnit): string {
  const message = problem.field ? t(fieldMessageKey(problem.field)) : t(formMessageKey(problem));
  const remaining = remainingText(problem, t, language, lineUnit);
  return remaining ? `${message} ${t('caseErrors.remaining', { remaining })}` : message;
}

/**
 * Shows `problem` unless the form shows it at one of its inputs already (`placed` tells which
 * fields a form shows errors at). An invalid field the form has no input for gets the field's
 * message here, so that no error goes unseen. `unit` is the unit of the service a delivery's
 * form is about, to say what remains of its plan line.
 */
export function FormProblem({
  problem,
  placed = () => false,
  onReload,
  unit,
}: {
  problem: Problem | null;
  placed?: (field: string) => boolean;
  onReload?: () => void;
  unit?: ServiceUnit;
}) {
  const { t, i18n } = useTranslation();
  if (!problem || (problem.field && placed(problem.field))) return null;
  const conflict = problem.code === 'CONFLICT';
  return (
    <Alert role="alert" color="red" variant="outline" title={t(conflict ? 'caseErrors.conflictTitle' : 'caseErrors.title')}>
      <Text>{problemMessage(problem, t, currentLanguage(i18n), unit)}</Text>
      {conflict && onReload && (
        <Button mt="sm" variant="outline" color="red.9" onClick={onReload}>
          {t('caseErrors.reload')}
        </Button>
      )}
    </Alert>
  );
}
