/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of a municipality. */
export type MunicipalityKind =
  /** A county (novads). */
  | 'COUNTY'
  /** A state city (valstspilsēta). */
  | 'STATE_CITY';

/** Who receives a service: the child, or the child's parents and legal representatives together. */
export type Recipient =
  | 'CHILD'
  | 'PARENTS';

/** The code of a planning region. */
export type RegionCode =
  | 'KURZEME'
  | 'LATGALE'
  | 'RIGA'
  | 'VIDZEME'
  | 'ZEMGALE';

/** The category of a service type. */
export type ServiceCategory =
  /** A day-care centre (dienas aprūpes centrs). */
  | 'DAY_CARE'
  /** Home care (aprūpe mājās). */
  | 'HOME_CARE'
  /** Respite care (atelpas brīdis). */
  | 'RESPITE_CARE'
  /** Other social care (sociālā aprūpe). */
  | 'SOCIAL_CARE'
  /** Social rehabilitation (sociālā rehabilitācija): therapies and consultations. */
  | 'SOCIAL_REHABILITATION';

/** The unit of a service type. */
export type ServiceUnit =
  /** One day. */
  | 'DAY'
  /** One hour. */
  | 'HOUR'
  /** One session (nodarbība, konsultācija). */
  | 'SESSION';

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ id: string, code: RegionCode, name: string, nameEn: string, municipalities: Array<{ id: string, name: string, kind: MunicipalityKind, atvkCode: string, validFrom: string, validTo: string | null }> }> };

export type ServiceTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceTypesQuery = { serviceTypes: Array<{ id: string, code: string, name: string, nameEn: string, category: ServiceCategory, unit: ServiceUnit, defaultUnitPrice: string, countsTowardsSessionCap: boolean, recipients: Array<Recipient> }> };


export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"municipalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"atvkCode"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const ServiceTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"defaultUnitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"countsTowardsSessionCap"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}}]}}]}}]} as unknown as DocumentNode<ServiceTypesQuery, ServiceTypesQueryVariables>;