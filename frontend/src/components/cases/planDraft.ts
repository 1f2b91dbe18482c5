// A draft revision as its editor holds it: period, budget, goal and line rows, checked before
// sending and turned into the input of updatePlanDraft.
import type { GoalStatus, Recipient, UpdatePlanDraftInput } from '../../gql/graphql';
import { dateProblem, isDate } from '../../lib/DateInput';
import { moneyInputValue, parseMoneyInput } from '../../lib/money';
import type { FieldMessage } from '../../lib/useForm';
import type { RevisionData } from '../../pages/cases/planQuery';

export interface GoalRow {
  uid: number;
  key: string | null;
  text: string;
  indicator: string;
  targetDate: string;
  status: GoalStatus;
}

export interface LineRow {
  uid: number;
  key: string | null;
  serviceTypeId: string;
  recipient: Recipient | '';
  providerId: string;
  plannedUnits: number | string;
}

export interface Draft {
  validFrom: string;
  validTo: string;
  budget: string;
  goals: GoalRow[];
  lines: LineRow[];
}

let nextUid = 1;
/** A key for a row that stays while rows above it are added or removed. */
export const uid = () => nextUid++;

export function draftOf(r: RevisionData, language: string): Draft {
  return {
    validFrom: r.validFrom,
    validTo: r.validTo,
    budget: moneyInputValue(r.budget, language),
    goals: r.goals.map((g) => ({ uid: uid(), key: g.key, text: g.text, indicator: g.indicator, targetDate: g.targetDate ?? '', status: g.status })),
    lines: r.lines.map((l) => ({
      uid: uid(),
      key: l.key,
      serviceTypeId: l.serviceType.id,
      recipient: l.recipient,
      providerId: l.provider?.id ?? '',
      plannedUnits: l.plannedUnits,
    })),
  };
}

type OwnError = FieldMessage;

/** What is wrong before sending, by the path the server would name (e.g. "lines.0.plannedUnits"). */
/** The days a goal's target date may fall on: the plan's period, as far as it is typed. */
export function goalPeriod(d: Pick<Draft, 'validFrom' | 'validTo'>): { min?: string; max?: string } {
  return { min: isDate(d.validFrom) ? d.validFrom : undefined, max: isDate(d.validTo) ? d.validTo : undefined };
}

export function check(d: Draft): Record<string, OwnError> {
  const errors: Record<string, OwnError> = {};
  const from = dateProblem(d.validFrom, { required: true });
  if (from) errors.validFrom = from;
  const to = dateProblem(d.validTo, { required: true, min: isDate(d.validFrom) ? d.validFrom : undefined });
  if (to) errors.validTo = to;
  if (d.budget.trim() === '') errors.budget = 'child.errors.required';
  else if (parseMoneyInput(d.budget) === null) errors.budget = 'plan.errors.money';
  d.goals.forEach((g, i) => {
    if (g.text.trim() === '') errors[`goals.${i}.text`] = 'child.errors.required';
    if (g.indicator.trim() === '') errors[`goals.${i}.indicator`] = 'child.errors.required';
    const target = dateProblem(g.targetDate, goalPeriod(d));
    if (target) errors[`goals.${i}.targetDate`] = target;
  });
  d.lines.forEach((l, i) => {
    if (l.serviceTypeId === '') errors[`lines.${i}.serviceTypeId`] = 'child.errors.required';
    if (l.recipient === '') errors[`lines.${i}.recipient`] = 'child.errors.required';
    const units = Number(l.plannedUnits);
    if (l.plannedUnits === '' || !Number.isInteger(units) || units < 1 || units > 10000) errors[`lines.${i}.plannedUnits`] = 'plan.errors.units';
  });
  return errors;
}

/** The input of updatePlanDraft: the whole draft, with the version it was based on. */
export function toDraftInput(r: RevisionData, d: Draft): UpdatePlanDraftInput {
  return {
    revisionId: r.id,
    version: r.version,
    validFrom: d.validFrom,
    validTo: d.validTo,
    budget: parseMoneyInput(d.budget) ?? d.budget,
    goals: d.goals.map((g) => ({
      key: g.key,
      text: g.text.trim(),
      indicator: g.indicator.trim(),
      targetDate: g.targetDate === '' ? null : g.targetDate,
      status: g.status,
    })),
    lines: d.lines.map((l) => ({
      key: l.key,
      serviceTypeId: l.serviceTypeId,
      recipient: l.recipient as Recipient,
      providerId: l.providerId === '' ? null : l.providerId,
      plannedUnits: Number(l.plannedUnits),
    })),
  };
}
