// The values of the schema's enums that forms offer, in the order they are offered. Typed
// against the generated types, so that a value the schema drops fails the type check.
import type {
  ApplicationStatus,
  FunctioningArea,
  GoalStatus,
  ImpairmentKind,
  LivingArrangement,
  ParentRelation,
  PlanKind,
  PlanStatus,
  Recipient,
  Sex,
  Specialty,
} from '../../gql/graphql';

export const impairmentKinds: readonly ImpairmentKind[] = [
  'VISION',
  'HEARING',
  'MOBILITY',
  'SPEECH_AND_LANGUAGE',
  'INTELLECTUAL',
  'BEHAVIOURAL',
  'DEVELOPMENTAL',
  'OTHER',
];
export const livingArrangements: readonly LivingArrangement[] = ['FAMILY', 'FOSTER_FAMILY', 'GUARDIAN', 'INSTITUTION'];
export const planStatuses: readonly PlanStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'CLOSED', 'SUPERSEDED'];
export const sexes: readonly Sex[] = ['FEMALE', 'MALE'];
export const parentRelations: readonly ParentRelation[] = ['MOTHER', 'FATHER', 'FOSTER_PARENT', 'GUARDIAN', 'ADOPTIVE_PARENT'];
export const applicationStatuses: readonly ApplicationStatus[] = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'];
export const specialties: readonly Specialty[] = [
  'SOCIAL_WORKER',
  'PSYCHOLOGIST',
  'OCCUPATIONAL_THERAPIST',
  'PHYSIOTHERAPIST',
  'SPEECH_THERAPIST',
  'SPECIAL_EDUCATOR',
  'PHYSICIAN',
  'OTHER',
];
/** ICF-CY chapters d1-d9, in chapter order. */
export const functioningAreas: readonly FunctioningArea[] = [
  'LEARNING_AND_APPLYING_KNOWLEDGE',
  'GENERAL_TASKS_AND_DEMANDS',
  'COMMUNICATION',
  'MOBILITY',
  'SELF_CARE',
  'DOMESTIC_LIFE',
  'INTERPERSONAL_INTERACTIONS',
  'MAJOR_LIFE_AREAS',
  'COMMUNITY_SOCIAL_CIVIC_LIFE',
];
export const planKinds: readonly PlanKind[] = ['SOCIAL_REHABILITATION', 'SOCIAL_CARE'];
export const goalStatuses: readonly GoalStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_ACHIEVED'];
export const recipients: readonly Recipient[] = ['CHILD', 'PARENTS'];
