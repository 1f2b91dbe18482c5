// Errors of the case registry's mutations, shown where they belong: at the input the server
// names in extensions.field, else above the form. The server's messages are English only, so
// the user reads a translated message chosen by the code and the field, never the server's text.
import type { CombinedError } from '@urql/core';
import type { ParseKeys, TFunction } from 'i18next';

/**
 * The rules a delivery can break, each with its own code. All but PLAN_NOT_ACTIVE,
 * NO_SPECIAL_CARE_NEED and RESPITE_OVERLAP say in extensions.remaining what is left of the limit.
 */
export const limitCodes = [
  'PLAN_NOT_ACTIVE',
  'LINE_UNITS_EXCEEDED',
  'CHILD_SESSION_CAP_EXCEEDED',
  'PARENT_SESSION_CAP_EXCEEDED',
  'NO_SPECIAL_CARE_NEED',
  'HOME_CARE_WEEKLY_CAP_EXCEEDED',
  'RESPITE_DAYS_EXCEEDED',
  'RESPITE_OVERLAP',
  'BUDGET_EXCEEDED',
] as const;
export type LimitCode = (typeof limitCodes)[number];

/** The codes a case mutation may answer with, plus a broken network and anything else. */
export type ProblemCode =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | LimitCode
  | 'DELIVERY_LOCKED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOTHING_TO_CLAIM'
  | 'network'
  | 'unknown';

/**
 * What went wrong: the code, the input field at fault as the server names it (e.g.
 * "lines.0.plannedUnits"), which of the field's rules was broken (extensions.reason), and for
 * a broken limit what remains of it (extensions.remaining: units, or EUR for the budget), when
 * the server says.
 */
export interface Problem {
  code: ProblemCode;
  field: string | null;
  reason?: string | null;
  /** Every rule that failed, where the server lists them (extensions.reasons). */
  reasons?: string[];
  remaining?: string | null;
}

const codes: readonly string[] = [
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  ...limitCodes,
  'DELIVERY_LOCKED',
  'IDEMPOTENCY_KEY_REUSED',
  'NOTHING_TO_CLAIM',
];

/**
 * The field as the forms name it: the services name fields inside the mutation's input
 * ("birthDate"), the request's edge by the argument's whole path ("input.birthDate").
 */
function inputRelative(field: string): string {
  return field.startsWith('input.') ? field.slice('input.'.length) : field;
}

export function problemOf(error: CombinedError): Problem {
  if (error.networkError) return { code: 'network', field: null };
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && codes.includes(code)) {
      const field = e.extensions?.field;
      const reason = e.extensions?.reason;
      const remaining = e.extensions?.remaining;
      const reasons = e.extensions?.reasons;
      return {
        ...(Array.isArray(reasons) ? { reasons: reasons.filter((r): r is string => typeof r === 'string') } : {}),
        code: code as ProblemCode,
        field: typeof field === 'string' && field !== '' ? inputRelative(field) : null,
        reason: typeof reason === 'string' && reason !== '' ? reason : null,
        remaining: typeof remaining === 'string' && remaining !== '' ? remaining : typeof remaining === 'number' ? String(remaining) : null,
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
  'date',
  'units',
  'specialistName',
  'note',
  'lineKey',
  'periodFrom',
  'periodTo',
  'deliveries',
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

/**
 * The message for an invalid field of a delivery's form: as fieldMessageKey, except the parent,
 * whose rule there is another (a parent of the child, for a service of the parents).
 */
export function deliveryFieldMessageKey(field: string): ReturnType<typeof fieldMessageKey> | 'caseErrors.field.deliveryParentId' {
  return field === 'parentId' ? 'caseErrors.field.deliveryParentId' : fieldMessageKey(field);
}

/** The translation key of the message of a problem shown above a form (one that names no field). */
export function formMessageKey(problem: Problem): `caseErrors.form.${ProblemCode}` {
  return `caseErrors.form.${problem.code}`;
}

/**
 * The message at a field the problem names, for useForm's serverError. `key` words it; the
 * field's general message by default (fieldMessageKey itself where the reason matters, as for
 * a personal code).
 */
export function problemAt(
  problem: Problem | null,
  t: TFunction,
  key: (field: string, reason?: string | null) => ParseKeys = (field) => fieldMessageKey(field),
): (field: string) => string | undefined {
  return (field) => (problem?.field === field ? t(key(field, problem.reason)) : undefined);
}

/** Why an application cannot be accepted (acceptApplication's refusals, extensions.reason). */
export const eligibilityReasons = ['DISABILITY_NOT_DETERMINED', 'NOT_A_PARTNER_MUNICIPALITY', 'PROJECT_NOT_RUNNING', 'ALREADY_ENROLLED'] as const;
export type EligibilityReason = (typeof eligibilityReasons)[number];

function isEligibilityReason(r: unknown): r is EligibilityReason {
  return (eligibilityReasons as readonly unknown[]).includes(r);
}

/**
 * The reasons of an eligibility refusal in words, every one that failed (the first when the
 * server lists none); null when the problem is no such refusal.
 */
export function eligibilityMessages(problem: Problem | null, t: TFunction): string[] | null {
  if (!problem || problem.code !== 'BAD_USER_INPUT' || !isEligibilityReason(problem.reason)) return null;
  const all = (problem.reasons ?? []).filter(isEligibilityReason);
  const reasons = all.length > 0 ? all : [problem.reason];
  return reasons.map((r) => t(`eligibility.${r}`));
}
