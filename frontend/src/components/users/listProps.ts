import type { UserFilter } from '../../gql/graphql';
import type { User } from './userQueries';

/** What the list of users is told: its filter, when to ask again, and what its rows' buttons do. */
export interface ListProps {
  filter: UserFilter;
  refresh: number;
  onEdit: (user: User) => void;
  onPassword: (user: User) => void;
  onActiveChanged: (user: User, active: boolean) => void;
  onActionError: (message: string) => void;
}

/** What a row's buttons do. */
export type RowActions = Omit<ListProps, 'filter' | 'refresh'>;
