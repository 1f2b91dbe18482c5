// The plan editor's queries and mutations.
import { graphql } from '../../gql';
import type { PlanEditorQuery } from '../../gql/graphql';

export const planEditorQuery = graphql(`
  query PlanEditor($id: ID!) {
    node(id: $id) {
      __typename
      ... on SupportPlan {
        id
        kind
        status
        createdAt
        viewerCan {
          editDraft
          submit
          approve
          return
          activate
          close
          revise
          recordDelivery
        }
        child {
          id
          firstName
          lastName
          personalCode
          municipality {
            id
            name
          }
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
        current {
          ...PlanRevisionFields
        }
        pending {
          ...PlanRevisionFields
        }
        revisions {
          id
          number
          status
          validFrom
          validTo
          budget
          linesTotal
          createdAt
          submittedAt
          approvedAt
          approvedBy {
            id
            name
          }
        }
      }
    }
  }

  fragment PlanRevisionFields on PlanRevision {
    id
    number
    status
    validFrom
    validTo
    budget
    linesTotal
    budgetUnplanned
    returnComment
    submittedAt
    approvedAt
    createdAt
    version
    goals {
      key
      text
      indicator
      targetDate
      status
    }
    lines {
      key
      recipient
      plannedUnits
      unitPrice
      priceSource
      amount
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
  }
`);

export const planDiffQuery = graphql(`
  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {
    node(id: $id) {
      __typename
      ... on SupportPlan {
        id
        diff(from: $from, to: $to) {
          path
          label
          before
          after
        }
      }
    }
  }
`);

export const updatePlanDraftMutation = graphql(`
  mutation UpdatePlanDraft($input: UpdatePlanDraftInput!) {
    updatePlanDraft(input: $input) {
      revision {
        ...PlanRevisionFields
      }
    }
  }
`);

// What a workflow step answers: the revision's new status and version, and the plan's status,
// which the cache takes into the open editor.
graphql(`
  fragment PlanStepFields on PlanRevision {
    id
    status
    version
    plan {
      id
      status
    }
  }
`);

export const submitPlanMutation = graphql(`
  mutation SubmitPlan($input: PlanTransitionInput!) {
    submitPlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);
export const approvePlanMutation = graphql(`
  mutation ApprovePlan($input: PlanTransitionInput!) {
    approvePlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);
export const returnPlanMutation = graphql(`
  mutation ReturnPlan($input: PlanTransitionInput!) {
    returnPlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);
export const activatePlanMutation = graphql(`
  mutation ActivatePlan($input: PlanTransitionInput!) {
    activatePlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);
export const closePlanMutation = graphql(`
  mutation ClosePlan($input: PlanTransitionInput!) {
    closePlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);
export const revisePlanMutation = graphql(`
  mutation RevisePlan($input: PlanTransitionInput!) {
    revisePlan(input: $input) {
      revision {
        ...PlanStepFields
      }
    }
  }
`);

export type PlanData = Extract<NonNullable<PlanEditorQuery['node']>, { __typename: 'SupportPlan' }>;
export type RevisionData = PlanData['current'];
