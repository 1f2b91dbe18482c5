// The roles, and which scope each needs (as the server checks it: see CreateUserInput).
import type { Role } from '../gql/graphql';
import { everyOf } from '../lib/everyOf';

/** Every role, in the order of the schema (broadest first). */
export const roles = everyOf<Role>()([
  'ADMIN',
  'MINISTRY_ANALYST',
  'REGION_COORDINATOR',
  'MUNICIPALITY_WORKER',
  'ASSESSOR',
  'PROVIDER_SPECIALIST',
]);

export type ScopeKind = 'region' | 'municipalities' | 'provider';

/** The scope a role needs, or null for the roles that work nationwide. */
export function scopeKind(role: Role): ScopeKind | null {
  switch (role) {
    case 'REGION_COORDINATOR':
      return 'region';
    case 'MUNICIPALITY_WORKER':
      return 'municipalities';
    case 'ASSESSOR':
    case 'PROVIDER_SPECIALIST':
      return 'provider';
    default:
      return null;
  }
}
