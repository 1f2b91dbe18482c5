// The queries and mutations of delivered sessions: a plan's usage and log, the verification
// queue, and the changes of a delivery. The mutations select little: the lists refresh
// themselves afterwards, and a type in an answer (a ServiceType, say) would make urql's cache
// drop every query that holds that type.
import { graphql } from '../../gql';
import type { DeliveryRowFragment, PlanUsageQuery } from '../../gql/graphql';

graphql(`
  fragment DeliveryRow on ServiceDelivery {
    id
    date
    units
    recipient
    status
    unitPrice
    amount
    specialistName
    note
    rejectReason
    version
    lineKey
    viewerCan {
      correct
      reject
    }
    serviceType {
      id
      name
      nameEn
      unit
    }
    parent {
      id
      firstName
      lastName
    }
    provider {
      id
      name
    }
    child {
      id
      firstName
      lastName
    }
    corrections {
      at
      reason
      date
      units
      amount
      status
    }
  }
`);

// A page of deliveries, as every delivery list (a plan's log, the queue, a claim's) shows it.
graphql(`
  fragment DeliveryPage on ServiceDeliveryConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...DeliveryRow
      }
    }
  }
`);

graphql(`
  fragment UsageFigureFields on UsageFigures {
    plannedUnits
    deliveredUnits
    verifiedUnits
    claimedUnits
    remainingUnits
    plannedAmount
    deliveredAmount
    verifiedAmount
    claimedAmount
    remainingAmount
  }
`);

/** What the plan editor shows of deliveries besides the log: the usage, and what quick entry offers. */
export const planUsageQuery = graphql(`
  query PlanUsage($id: ID!) {
    node(id: $id) {
      __typename
      ... on SupportPlan {
        id
        usage {
          figures {
            ...UsageFigureFields
          }
          lines {
            line {
              key
              recipient
              plannedUnits
              serviceType {
                id
                name
                nameEn
                unit
              }
              provider {
                id
                name
              }
            }
            figures {
              ...UsageFigureFields
            }
          }
        }
        child {
          id
          parents {
            relation
            parent {
              id
              firstName
              lastName
            }
          }
        }
      }
    }
  }
`);

export const planDeliveriesQuery = graphql(`
  query PlanDeliveries($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      ... on SupportPlan {
        id
        deliveries(first: $first, after: $after) {
          ...DeliveryPage
        }
      }
    }
  }
`);

export const deliveriesQuery = graphql(`
  query Deliveries($filter: DeliveryFilter, $first: Int, $after: String) {
    deliveries(filter: $filter, first: $first, after: $after) {
      ...DeliveryPage
    }
  }
`);

export const recordDeliveryMutation = graphql(`
  mutation RecordDelivery($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      delivery {
        id
        status
        version
      }
    }
  }
`);

export const correctDeliveryMutation = graphql(`
  mutation CorrectDelivery($input: CorrectDeliveryInput!) {
    correctDelivery(input: $input) {
      delivery {
        id
        status
        version
      }
    }
  }
`);

export const rejectDeliveryMutation = graphql(`
  mutation RejectDelivery($input: RejectDeliveryInput!) {
    rejectDelivery(input: $input) {
      delivery {
        id
        status
        version
      }
    }
  }
`);

export const verifyDeliveriesMutation = graphql(`
  mutation VerifyDeliveries($input: VerifyDeliveriesInput!) {
    verifyDeliveries(input: $input) {
      deliveries {
        id
        status
        version
      }
    }
  }
`);

export type DeliveryData = DeliveryRowFragment;
export type PlanUsageData = Extract<NonNullable<PlanUsageQuery['node']>, { __typename: 'SupportPlan' }>;
export type LineUsageData = PlanUsageData['usage']['lines'][number];
export type UsageFiguresData = PlanUsageData['usage']['figures'];
