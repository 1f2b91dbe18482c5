// The values of the schema's enums that forms offer, in the order they are offered. Each list
// is checked against the generated type (everyOf): a value the schema drops, or one it adds
// that is missing here, fails the type check.
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
import { everyOf } from '../../lib/everyOf';

export const impairmentKinds = everyOf<ImpairmentKind>()([
  'VISION',
  'HEARING',
  'MOBILITY',
  'SPEECH_AND_LANGUAGE',
  'INTELLECTUAL',
  'BEHAVIOURAL',
  'DEVELOPMENTAL',
  'OTHER',
]);
export const livingArrangements = everyOf<LivingArrangement>()(['FAMILY', 'FOSTER_FAMILY', 'GUARDIAN', 'INSTITUTION']);
export const planStatuses = everyOf<PlanStatus>()(['DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'CLOSED', 'SUPERSEDED']);
export const sexes = everyOf<Sex>()(['FEMALE', 'MALE']);
export const parentRelations = everyOf<ParentRelation>()(['MOTHER', 'FATHER', 'FOSTER_PARENT', 'GUARDIAN', 'ADOPTIVE_PARENT']);
export const applicationStatuses = everyOf<ApplicationStatus>()(['SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN']);
export const specialties = everyOf<Specialty>()([
  'SOCIAL_WORKER',
  'PSYCHOLOGIST',
  'OCCUPATIONAL_THERAPIST',
  'PHYSIOTHERAPIST',
  'SPEECH_THERAPIST',
  'SPECIAL_EDUCATOR',
  'PHYSICIAN',
  'OTHER',
]);
/** ICF-CY chapters d1-d9, in chapter order. */
export const functioningAreas = everyOf<FunctioningArea>()([
  'LEARNING_AND_APPLYING_KNOWLEDGE',
  'GENERAL_TASKS_AND_DEMANDS',
  'COMMUNICATION',
  'MOBILITY',
  'SELF_CARE',
  'DOMESTIC_LIFE',
  'INTERPERSONAL_INTERACTIONS',
  'MAJOR_LIFE_AREAS',
  'COMMUNITY_SOCIAL_CIVIC_LIFE',
]);
export const planKinds = everyOf<PlanKind>()(['SOCIAL_REHABILITATION', 'SOCIAL_CARE']);
export const goalStatuses = everyOf<GoalStatus>()(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_ACHIEVED']);
export const recipients = everyOf<Recipient>()(['CHILD', 'PARENTS']);
