// The GraphQL operations of a child's needs assessments: scheduling one, recording its
// findings, completing and cancelling it.
import { graphql } from '../../../gql';

export const scheduleAssessmentMutation = graphql(`
  mutation ScheduleAssessment($input: ScheduleAssessmentInput!) {
    scheduleAssessment(input: $input) {
      assessment {
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
export const recordAssessmentMutation = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);
export const completeAssessmentMutation = graphql(`
  mutation CompleteAssessment($input: CompleteAssessmentInput!) {
    completeAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);
export const cancelAssessmentMutation = graphql(`
  mutation CancelAssessment($input: CancelAssessmentInput!) {
    cancelAssessment(input: $input) {
      assessment {
        id
        status
        version
      }
    }
  }
`);
