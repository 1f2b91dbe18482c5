// The values of the child form and the input the API takes from them, apart from the form
// itself, so that a page can load the form only when it is opened.
import type { ChildInput, ImpairmentKind, LivingArrangement, Sex } from '../../gql/graphql';

export interface ChildFormValues {
  personalCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex | '';
  municipalityId: string;
  livingArrangement: LivingArrangement | '';
  disabilityFrom: string;
  disabilityTo: string;
  specialCareNeedFrom: string;
  specialCareNeedTo: string;
  impairments: ImpairmentKind[];
}

export const emptyChild: ChildFormValues = {
  personalCode: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: '',
  municipalityId: '',
  livingArrangement: '',
  disabilityFrom: '',
  disabilityTo: '',
  specialCareNeedFrom: '',
  specialCareNeedTo: '',
  impairments: [],
};

/** The input the API takes; empty optional dates become null. */
export function toChildInput(v: ChildFormValues): ChildInput {
  const date = (s: string) => (s === '' ? null : s);
  return {
    personalCode: v.personalCode.trim(),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate: v.birthDate,
    sex: v.sex as Sex,
    municipalityId: v.municipalityId,
    livingArrangement: v.livingArrangement as LivingArrangement,
    disabilityFrom: date(v.disabilityFrom),
    disabilityTo: date(v.disabilityTo),
    specialCareNeedFrom: date(v.specialCareNeedFrom),
    specialCareNeedTo: date(v.specialCareNeedTo),
    impairments: v.impairments,
  };
}
