// Errors of the case registry's mutations, shown where they belong: at the input the server
// names in extensions.field, else above the form. The server's messages are English only, so
// the user reads a translated message chosen by the code and the field, never the server's text.
import type { CombinedError } from '@urql/core';

/** The codes a case mutation may answer with, plus a broken network and anything else. */
export type ProblemCode = 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'network' | 'unknown';

/**
 * What went wrong: the code, the input field at fault as the server names it (e.g.
 * "lines.0.plannedUnits"), and which of the field's rules was broken (extensions.reason), when
 * the server says.
 */
export interface Problem {
  code: ProblemCode;
  field: string | null;
  reason?: string | null;
}

const codes: readonly string[] = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'];

export function problemOf(error: CombinedError): Problem {
  if (error.networkError) return { code: 'network', field: null };
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && codes.includes(code)) {
      const field = e.extensions?.field;
      const reason = e.extensions?.reason;
      return {
        code: code as ProblemCode,
        field: typeof field === 'string' && field !== '' ? field : null,
        reason: typeof reason === 'string' && reason !== '' ? reason : null,
      };
    }
  }
  return { code: 'unknown', field: null };
}

/**
 * The fields that have their own message: each message says what the server checks about the
 * field, as its English messages do. A list item's index is left out ("lines.0.plannedUnits"
 * has the message of "lines_plannedUnits").
 */
const fieldsWithMessages = [
  'personalCode',
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'municipalityId',
  'livingArrangement',
  'disabilityFrom',
  'disabilityTo',
  'specialCareNeedFrom',
  'specialCareNeedTo',
  'impairments',
  'relation',
  'phone',
  'email',
  'address',
  'parentId',
  'projectId',
  'applicantId',
  'submittedOn',
  'reason',
  'providerId',
  'scheduledOn',
  'team',
  'findings',
  'recommendations',
  'completedOn',
  'assessmentId',
  'kind',
  'validFrom',
  'validTo',
  'budget',
  'goals',
  'goals_text',
  'goals_indicator',
  'goals_status',
  'goals_key',
  'lines',
  'lines_serviceTypeId',
  'lines_recipient',
  'lines_providerId',
  'lines_plannedUnits',
  'lines_key',
  'comment',
] as const;
type FieldWithMessage = (typeof fieldsWithMessages)[number];

/**
 * The reasons the server gives for a field (extensions.reason) that have a message of their
 * own: a personal code's broken rule, a birth date that differs from the code's, and a code
 * that is registered already (for a child, or for a parent).
 */
const reasonMessages = {
  format: 'personalCodeProblem.format',
  century: 'personalCodeProblem.century',
  date: 'personalCodeProblem.date',
  tooLate: 'personalCodeProblem.tooLate',
  checkDigit: 'personalCodeProblem.checkDigit',
  birthDateMismatch: 'child.errors.birthDateMismatch',
  registered: 'caseErrors.reason.registered',
  parentRegistered: 'caseErrors.reason.parentRegistered',
} as const;
type ReasonMessage = (typeof reasonMessages)[keyof typeof reasonMessages];

/** The translation key of the message for an invalid field, the more precise when the server names the reason. */
export function fieldMessageKey(
  field: string,
  reason?: string | null,
): `caseErrors.field.${FieldWithMessage}` | 'caseErrors.field.other' | ReasonMessage {
  if (reason && Object.hasOwn(reasonMessages, reason)) return reasonMessages[reason as keyof typeof reasonMessages];
  const normal = field.replace(/\.\d+\./g, '_').replace(/\.\d+$/, '');
  return (fieldsWithMessages as readonly string[]).includes(normal)
    ? `caseErrors.field.${normal as FieldWithMessage}`
    : 'caseErrors.field.other';
}

/** The translation key of the message of a problem shown above a form (one that names no field). */
export function formMessageKey(problem: Problem): `caseErrors.form.${ProblemCode}` {
  return `caseErrors.form.${problem.code}`;
}
