// Errors of the case registry's mutations, shown where they belong: at the input the server
// names in extensions.field, else above the form. The server's messages are English only, so
// the user reads a translated message chosen by the code and the field, never the server's text.
import type { CombinedError } from '@urql/core';

/** The codes a case mutation may answer with, plus a broken network and anything else. */
export type ProblemCode = 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'network' | 'unknown';

/** What went wrong: the code, and the input field at fault as the server names it (e.g. "lines.0.plannedUnits"). */
export interface Problem {
  code: ProblemCode;
  field: string | null;
}

const codes: readonly string[] = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'];

export function problemOf(error: CombinedError): Problem {
  if (error.networkError) return { code: 'network', field: null };
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && codes.includes(code)) {
      const field = e.extensions?.field;
      return { code: code as ProblemCode, field: typeof field === 'string' && field !== '' ? field : null };
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

/** The translation key of the message for an invalid field. */
export function fieldMessageKey(field: string): `caseErrors.field.${FieldWithMessage}` | 'caseErrors.field.other' {
  const normal = field.replace(/\.\d+\./g, '_').replace(/\.\d+$/, '');
  return (fieldsWithMessages as readonly string[]).includes(normal)
    ? `caseErrors.field.${normal as FieldWithMessage}`
    : 'caseErrors.field.other';
}

/** The translation key of the message of a problem shown above a form (one that names no field). */
export function formMessageKey(problem: Problem): `caseErrors.form.${ProblemCode}` {
  return `caseErrors.form.${problem.code}`;
}
