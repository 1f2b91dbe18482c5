// The list of users sorted in the browser, by a column of the pages it has loaded.
import type { User } from './userQueries';

/** The columns the list sorts by, in the browser: the pages it has loaded. */
export const userSortKeys = ['name', 'email', 'role', 'status', 'lastSignIn'] as const;
export type UserSortKey = (typeof userSortKeys)[number];

/** A user's value in a sorted column. */
export function userSortValue(user: User, key: UserSortKey, roleName: (role: User['role']) => string): string | null {
  switch (key) {
    case 'name':
      return user.name;
    case 'email':
      return user.email;
    case 'role':
      return roleName(user.role);
    case 'status':
      return user.active ? '0' : '1';
    case 'lastSignIn':
      return user.lastSignInAt ?? null;
  }
}
