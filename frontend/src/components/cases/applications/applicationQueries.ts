// The GraphQL operations of a child's applications: submitting one and deciding it.
import { graphql } from '../../../gql';

export const submitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
        id
        status
        version
        child {
          id
        }
      }
    }
  }
`);

export const acceptApplicationMutation = graphql(`
  mutation AcceptApplication($input: DecideApplicationInput!) {
    acceptApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);
export const rejectApplicationMutation = graphql(`
  mutation RejectApplication($input: DecideApplicationInput!) {
    rejectApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);
export const withdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: DecideApplicationInput!) {
    withdrawApplication(input: $input) {
      application {
        id
        status
        reason
        version
      }
    }
  }
`);
