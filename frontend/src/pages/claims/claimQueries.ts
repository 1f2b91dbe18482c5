// The compensation claims' queries and mutations.
import { graphql } from '../../gql';
import type { ClaimPageQuery } from '../../gql/graphql';

graphql(`
  fragment ClaimTotalsFields on ClaimServiceTotal {
    units
    amount
    deliveryCount
    childCount
    serviceType {
      id
      name
      nameEn
      unit
    }
  }
`);

export const claimsQuery = graphql(`
  query Claims($filter: ClaimFilter, $first: Int, $after: String) {
    claims(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          periodFrom
          periodTo
          total
          deliveryCount
          submittedAt
          municipality {
            id
            name
          }
          project {
            id
            code
            name
          }
        }
      }
    }
  }
`);

/** The projects a municipality is a partner of: those it may claim from. */
export const claimProjectsQuery = graphql(`
  query ClaimProjects($municipalityId: ID!) {
    projects(filter: { partnerMunicipalityId: $municipalityId }, first: 100) {
      edges {
        node {
          id
          code
          name
          startDate
          endDate
        }
      }
    }
  }
`);

export const claimPreviewQuery = graphql(`
  query ClaimPreview($input: ClaimPeriodInput!) {
    claimPreview(input: $input) {
      total
      deliveryCount
      childCount
      unverifiedCount
      byServiceType {
        ...ClaimTotalsFields
      }
      byFundingSource {
        code
        sharePercent
        amount
      }
    }
  }
`);

export const submitClaimMutation = graphql(`
  mutation SubmitClaim($input: SubmitClaimInput!) {
    submitClaim(input: $input) {
      claim {
        id
      }
    }
  }
`);

export const claimPageQuery = graphql(`
  query ClaimPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on CompensationClaim {
        id
        status
        periodFrom
        periodTo
        total
        deliveryCount
        childCount
        submittedAt
        decidedAt
        rejectReason
        paidAt
        exportPath
        version
        viewerCan {
          approve
          reject
          markPaid
        }
        municipality {
          id
          name
        }
        project {
          id
          code
          name
          leadRegion {
            id
            name
          }
        }
        byServiceType {
          ...ClaimTotalsFields
        }
        byFundingSource {
          code
          sharePercent
          amount
        }
      }
    }
  }
`);

export const claimDeliveriesQuery = graphql(`
  query ClaimDeliveries($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      ... on CompensationClaim {
        id
        deliveries(first: $first, after: $after) {
          ...DeliveryPage
        }
      }
    }
  }
`);

// What a decision answers. A CompensationClaim in the answer makes urql's document cache drop
// and ask again every query that holds one: the open claim and the list show the new status.
graphql(`
  fragment ClaimDecisionFields on CompensationClaim {
    id
    status
    version
    decidedAt
    rejectReason
    paidAt
  }
`);

export const approveClaimMutation = graphql(`
  mutation ApproveClaim($input: DecideClaimInput!) {
    approveClaim(input: $input) {
      claim {
        ...ClaimDecisionFields
      }
    }
  }
`);

export const rejectClaimMutation = graphql(`
  mutation RejectClaim($input: DecideClaimInput!) {
    rejectClaim(input: $input) {
      claim {
        ...ClaimDecisionFields
      }
    }
  }
`);

export const markClaimPaidMutation = graphql(`
  mutation MarkClaimPaid($input: DecideClaimInput!) {
    markClaimPaid(input: $input) {
      claim {
        ...ClaimDecisionFields
      }
    }
  }
`);

export type ClaimData = Extract<NonNullable<ClaimPageQuery['node']>, { __typename: 'CompensationClaim' }>;
