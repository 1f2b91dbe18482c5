// The GraphQL operations of a child's parents: registering, changing, linking and unlinking
// one, and finding one registered already.
import { graphql } from '../../../gql';

export const createParentMutation = graphql(`
  mutation CreateParent($input: CreateParentInput!) {
    createParent(input: $input) {
      parent {
        id
      }
      child {
        id
        version
      }
    }
  }
`);

export const updateParentMutation = graphql(`
  mutation UpdateParent($input: UpdateParentInput!) {
    updateParent(input: $input) {
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
  }
`);

export const linkParentMutation = graphql(`
  mutation LinkParent($input: LinkParentInput!) {
    linkParent(input: $input) {
      child {
        id
        version
      }
    }
  }
`);

export const unlinkParentMutation = graphql(`
  mutation UnlinkParent($input: UnlinkParentInput!) {
    unlinkParent(input: $input) {
      child {
        id
        version
      }
    }
  }
`);

export const parentSearchQuery = graphql(`
  query ParentSearch($search: String!) {
    parents(filter: { search: $search }, first: 20) {
      totalCount
      edges {
        node {
          id
          personalCode
          firstName
          lastName
          phone
          email
        }
      }
    }
  }
`);
