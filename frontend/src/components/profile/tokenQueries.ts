// The GraphQL operations of the profile page's forms: a new password, and creating and revoking
// access tokens.
import { graphql } from '../../gql';
import type { ProfileQuery } from '../../gql/graphql';

export type Profile = NonNullable<ProfileQuery['me']>;
export type Token = Profile['apiTokens'][number];

export const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
        apiTokens {
          id
          revokedAt
        }
      }
    }
  }
`);

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        kind
        prefix
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      token {
        id
        revokedAt
      }
    }
  }
`);
