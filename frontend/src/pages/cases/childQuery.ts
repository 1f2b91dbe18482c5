// The child page's query: the child with everything the page shows, by its global id.
import { graphql } from '../../gql';
import type { ChildPageQuery } from '../../gql/graphql';

export const childPageQuery = graphql(`
  query ChildPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Child {
        id
        personalCode
        firstName
        lastName
        birthDate
        birthYear
        sex
        municipality {
          id
          name
        }
        livingArrangement
        disabilityFrom
        disabilityTo
        specialCareNeedFrom
        specialCareNeedTo
        impairments
        createdAt
        version
        viewerCan {
          edit
        }
        parents {
          relation
          legalRepresentative
          parent {
            id
            personalCode
            firstName
            lastName
            phone
            email
            address
            version
          }
        }
        applications {
          id
          submittedOn
          status
          reason
          version
          viewerCan {
            decide
          }
          project {
            id
            code
            name
          }
          applicant {
            id
            firstName
            lastName
          }
          events {
            at
            status
            comment
            actor {
              id
              name
            }
          }
        }
        assessments {
          id
          scheduledOn
          status
          completedOn
          cancelReason
          version
          viewerCan {
            recordAssessment
            cancel
          }
          provider {
            id
            name
          }
          team {
            name
            specialty
          }
          findings {
            area
            qualifier
            note
          }
          recommendations {
            recipient
            units
            note
            serviceType {
              id
              name
              nameEn
            }
          }
        }
        supportPlans {
          id
          kind
          status
          createdAt
          project {
            id
            name
          }
          current {
            id
            number
            validFrom
            validTo
            budget
          }
          pending {
            id
            number
            status
          }
        }
      }
    }
  }
`);

export type ChildData = Extract<NonNullable<ChildPageQuery['node']>, { __typename: 'Child' }>;
