// A parent's data as the parents' forms hold it, its checks before sending and its input.
import type { ChildData } from '../../../pages/cases/childQuery';
import type { FieldErrors } from '../../../lib/useForm';
import { personalCodeProblem } from '../personalCode';

export type Link = ChildData['parents'][number];
export type Parent = Link['parent'];

/** The inputs of the parents' forms, by the name the server gives them. */
export const parentFields = ['relation', 'personalCode', 'firstName', 'lastName', 'phone', 'email', 'address'] as const;
export type ParentField = (typeof parentFields)[number];
export type DataField = Exclude<ParentField, 'relation'>;
export type ParentValues = Record<DataField, string>;

export const emptyParent: ParentValues = { personalCode: '', firstName: '', lastName: '', phone: '', email: '', address: '' };

export const parentName = (p: { firstName: string; lastName: string }) => `${p.lastName} ${p.firstName}`;

const optional = (s: string) => (s.trim() === '' ? null : s.trim());

/** Checks a parent's names and personal code as the server would, before sending. */
export function checkParent(v: ParentValues): FieldErrors<DataField> {
  const errors: FieldErrors<DataField> = {};
  for (const f of ['firstName', 'lastName'] as const) if (v[f].trim() === '') errors[f] = 'child.errors.required';
  const problem = v.personalCode.trim() ? personalCodeProblem(v.personalCode) : null;
  if (problem) errors.personalCode = `personalCodeProblem.${problem}`;
  return errors;
}

export function parentInput(v: ParentValues) {
  return {
    personalCode: optional(v.personalCode),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    phone: optional(v.phone),
    email: optional(v.email),
    address: optional(v.address),
  };
}
