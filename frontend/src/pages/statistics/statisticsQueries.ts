// The statistics page's queries: the figures of a filter by a grouping, the projects' progress,
// and the lists the filter chooses from.
import { graphql } from '../../gql';
import type { StatisticsPageQuery, ProjectProgressQuery } from '../../gql/graphql';

graphql(`
  fragment StatisticsMeasuresFields on StatisticsMeasures {
    children
    families
    parents
    childrenWithPlans
    sessions
    hours
    days
    deliveries
    cost
    fundingShares {
      code
      sharePercent
      amount
    }
    suppressed
  }
`);

export const statisticsQuery = graphql(`
  query StatisticsPage($filter: StatisticsFilter!, $groupBy: [StatisticsDimension!]!) {
    statistics(filter: $filter, groupBy: $groupBy) {
      rows {
        region {
          id
          name
          nameEn
        }
        municipality {
          id
          name
        }
        project {
          id
          code
          name
        }
        serviceType {
          id
          name
          nameEn
        }
        serviceCategory
        recipient
        fundingSource
        period
        ageBand
        sex
        impairment
        livingArrangement
        measures {
          ...StatisticsMeasuresFields
        }
      }
      total {
        ...StatisticsMeasuresFields
      }
      asOf
      minCount
    }
  }
`);

graphql(`
  fragment FundsProgressFields on FundsProgress {
    budget
    committed
    delivered
    claimed
    paid
    remaining
    monthlyPace
    exhaustedIn
    unspentAtEnd
    byMonth {
      month
      amount
      cumulative
    }
  }
`);

// The partners' table shows their sums, not their months: the months of every partner of every
// project would cost more than the server allows a request (COMPLEXITY_LIMIT_EXCEEDED).
export const projectProgressQuery = graphql(`
  query ProjectProgress($projectIds: [ID!], $on: Date) {
    projectProgress(projectIds: $projectIds, on: $on) {
      on
      project {
        id
        code
        name
        startDate
        endDate
      }
      targets {
        group
        planned
        achieved
        recorded
      }
      funds {
        ...FundsProgressFields
      }
      partners {
        municipality {
          id
          name
        }
        funds {
          committed
          delivered
          claimed
          paid
          monthlyPace
        }
      }
    }
  }
`);

/** The regions with their municipalities: the region and municipality filters choose from these. */
export const statisticsRegionsQuery = graphql(`
  query StatisticsRegions {
    regions {
      id
      name
      nameEn
      municipalities {
        id
        name
        validFrom
        validTo
      }
    }
  }
`);

export type StatisticsResultData = StatisticsPageQuery['statistics'];
export type StatisticsRowData = StatisticsResultData['rows'][number];
export type MeasuresData = StatisticsResultData['total'];
export type ProgressData = ProjectProgressQuery['projectProgress'][number];
export type FundsData = ProgressData['funds'];
