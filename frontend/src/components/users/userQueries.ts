// The GraphQL operations of user administration: the list of users, creating and changing one,
// deactivating and reactivating, and setting a new password.
import { graphql } from '../../gql';
import type { UsersQuery } from '../../gql/graphql';

export const usersQuery = graphql(`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          email
          name
          role
          active
          lastSignInAt
          version
          viewerCan {
            edit
            deactivate
            resetPassword
          }
          region {
            id
            name
            nameEn
          }
          municipalities {
            id
            name
          }
          provider {
            id
            name
          }
        }
      }
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        name
      }
    }
  }
`);

export const updateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        name
        role
        version
      }
    }
  }
`);

export const setUserActiveMutation = graphql(`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      user {
        id
        active
        version
      }
    }
  }
`);

export const resetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      user {
        id
      }
    }
  }
`);

export type User = UsersQuery['users']['edges'][number]['node'];
export type PageInfo = UsersQuery['users']['pageInfo'];

/** Users per page: enough to fill a screen, few enough to answer fast. */
export const pageSize = 25;

// additionalTypenames: a list that is empty now must still be asked again after a user is
// created (urql's document cache refreshes a result only for the types it contains).
export const usersContext = { additionalTypenames: ['User'] };
