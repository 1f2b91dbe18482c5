/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query ScopeOptions {\n    regions {\n      id\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        validTo\n      }\n    }\n    providers(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ScopeOptionsDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      role\n      createdAt\n      lastSignInAt\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query Regions {\n    regions {\n      id\n      code\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        kind\n        atvkCode\n        validFrom\n        validTo\n      }\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  query ServiceTypes {\n    serviceTypes {\n      id\n      code\n      name\n      nameEn\n      category\n      unit\n      defaultUnitPrice\n      countsTowardsSessionCap\n      recipients\n    }\n  }\n": typeof types.ServiceTypesDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          name\n          role\n          active\n          lastSignInAt\n          version\n          region {\n            id\n            name\n            nameEn\n          }\n          municipalities {\n            id\n            name\n          }\n          provider {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        role\n        version\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        id\n        active\n        version\n      }\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.ResetUserPasswordDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query ScopeOptions {\n    regions {\n      id\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        validTo\n      }\n    }\n    providers(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ScopeOptionsDocument,
    "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n": types.SignOutDocument,
    "\n  query Profile {\n    me {\n      id\n      name\n      email\n      role\n      createdAt\n      lastSignInAt\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query Regions {\n    regions {\n      id\n      code\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        kind\n        atvkCode\n        validFrom\n        validTo\n      }\n    }\n  }\n": types.RegionsDocument,
    "\n  query ServiceTypes {\n    serviceTypes {\n      id\n      code\n      name\n      nameEn\n      category\n      unit\n      defaultUnitPrice\n      countsTowardsSessionCap\n      recipients\n    }\n  }\n": types.ServiceTypesDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          name\n          role\n          active\n          lastSignInAt\n          version\n          region {\n            id\n            name\n            nameEn\n          }\n          municipalities {\n            id\n            name\n          }\n          provider {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        role\n        version\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        id\n        active\n        version\n      }\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.ResetUserPasswordDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeOptions {\n    regions {\n      id\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        validTo\n      }\n    }\n    providers(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScopeOptions {\n    regions {\n      id\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        validTo\n      }\n    }\n    providers(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      name\n      email\n      role\n      createdAt\n      lastSignInAt\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      name\n      email\n      role\n      createdAt\n      lastSignInAt\n      region {\n        id\n        name\n        nameEn\n      }\n      municipalities {\n        id\n        name\n      }\n      provider {\n        id\n        name\n      }\n      apiTokens {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      token {\n        id\n        name\n        prefix\n        createdAt\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions {\n      id\n      code\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        kind\n        atvkCode\n        validFrom\n        validTo\n      }\n    }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions {\n      id\n      code\n      name\n      nameEn\n      municipalities {\n        id\n        name\n        kind\n        atvkCode\n        validFrom\n        validTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceTypes {\n    serviceTypes {\n      id\n      code\n      name\n      nameEn\n      category\n      unit\n      defaultUnitPrice\n      countsTowardsSessionCap\n      recipients\n    }\n  }\n"): (typeof documents)["\n  query ServiceTypes {\n    serviceTypes {\n      id\n      code\n      name\n      nameEn\n      category\n      unit\n      defaultUnitPrice\n      countsTowardsSessionCap\n      recipients\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          name\n          role\n          active\n          lastSignInAt\n          version\n          region {\n            id\n            name\n            nameEn\n          }\n          municipalities {\n            id\n            name\n          }\n          provider {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          name\n          role\n          active\n          lastSignInAt\n          version\n          region {\n            id\n            name\n            nameEn\n          }\n          municipalities {\n            id\n            name\n          }\n          provider {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        role\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        role\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        id\n        active\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        id\n        active\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;