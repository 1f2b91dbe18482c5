// The lists that case forms choose from. Each is one small query, cached by urql, so that
// every form that needs a list shares one request.
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { todayInRiga } from './dates';

export const caseMunicipalitiesQuery = graphql(`
  query CaseMunicipalities($today: Date!) {
    municipalities(filter: { activeOn: $today }, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const caseProjectsQuery = graphql(`
  query CaseProjects {
    projects(first: 100) {
      edges {
        node {
          id
          code
          name
          startDate
          endDate
          leadRegion {
            id
          }
        }
      }
    }
  }
`);

export const caseProvidersQuery = graphql(`
  query CaseProviders {
    providers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const caseServiceTypesQuery = graphql(`
  query CaseServiceTypes {
    serviceTypes {
      id
      code
      name
      nameEn
      unit
      recipients
    }
  }
`);

/** The municipalities that exist today (a merged-away one cannot be chosen any more). */
export function useMunicipalities() {
  const [{ data }] = useQuery({ query: caseMunicipalitiesQuery, variables: { today: todayInRiga() } });
  return (data?.municipalities.edges ?? []).map((e) => e.node);
}

export function useProjects() {
  const [{ data }] = useQuery({ query: caseProjectsQuery });
  return (data?.projects.edges ?? []).map((e) => e.node);
}

export function useProviders() {
  const [{ data }] = useQuery({ query: caseProvidersQuery });
  return (data?.providers.edges ?? []).map((e) => e.node);
}

export function useServiceTypes() {
  const [{ data }] = useQuery({ query: caseServiceTypesQuery });
  return data?.serviceTypes ?? [];
}
