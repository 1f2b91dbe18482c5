// An assessment as the child's query gives it, and its team as the forms hold it.
import type { Specialty } from '../../../gql/graphql';
import type { ChildData } from '../../../pages/cases/childQuery';

export type Qualifier = 0 | 1 | 2 | 3 | 4;
export type AssessmentData = ChildData['assessments'][number];
export type TeamRow = { name: string; specialty: Specialty | '' };

export const emptyMember: TeamRow = { name: '', specialty: '' };

/** The members with a name and a specialty: those the server is sent. */
export function completeTeam(team: TeamRow[]) {
  return team.filter((m) => m.name.trim() !== '' && m.specialty !== '').map((m) => ({ name: m.name.trim(), specialty: m.specialty as Specialty }));
}
