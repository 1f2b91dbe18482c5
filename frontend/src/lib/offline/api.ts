// The server side of the offline sync: the offline package, its changes, and recording a batch
// of entries, through the session's GraphQL client.
import type { Client, CombinedError } from '@urql/core';
import { graphql } from '../../gql';
import type { EntryInput, OfflinePage, DeliveryResult } from './types';

graphql(`
  fragment OfflineChildFields on OfflineChild {
    id
    firstName
    lastName
    birthDate
    municipality {
      id
      name
    }
    parents {
      id
      firstName
      lastName
    }
    plans {
      id
      kind
      project {
        id
        name
      }
      validFrom
      validTo
      budget
      budgetRemaining
      lines {
        key
        serviceType {
          id
          code
          name
          nameEn
          unit
        }
        recipient
        provider {
          id
          name
        }
        plannedUnits
        remainingUnits
        unitPrice
        priceSource
      }
    }
    caps {
      project {
        id
      }
      kind
      limit
      used
      remaining
      periodFrom
      periodTo
    }
    version
  }
`);

// A page of the package or of the changes: the same fields either way.
export const offlinePageFragment = graphql(`
  fragment OfflinePageFields on OfflinePackage {
    asOf
    today
    children {
      ...OfflineChildFields
    }
    removed
    hasMore
    cursor
  }
`);

export const offlinePackageQuery = graphql(`
  query OfflinePackage {
    offlinePackage {
      ...OfflinePageFields
    }
  }
`);

export const offlineChangesQuery = graphql(`
  query OfflineChanges($since: String!) {
    changes(since: $since) {
      ...OfflinePageFields
    }
  }
`);

export const recordDeliveriesMutation = graphql(`
  mutation RecordDeliveries($input: RecordDeliveriesInput!) {
    recordDeliveries(input: $input) {
      results {
        idempotencyKey
        outcome
        delivery {
          id
        }
        error {
          code
          message
          field
          remaining
          limit
          lastCounted {
            date
            recordedOn
            units
            provider {
              id
              name
            }
            byAnotherProvider
          }
        }
      }
    }
  }
`);

/** What the sync asks of the server. */
export interface SyncApi {
  offlinePackage(): Promise<OfflinePage>;
  changes(since: string): Promise<OfflinePage>;
  recordDeliveries(entries: EntryInput[]): Promise<DeliveryResult[]>;
}

/**
 * Why a call failed: `network` when the server could not be reached (the entries stay
 * queued, the sync is tried again later), else the server's extensions.code.
 */
export class SyncError extends Error {
  constructor(
    readonly kind: 'network' | 'refused',
    readonly code: string | null,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export function syncErrorOf(error: CombinedError): SyncError {
  if (error.networkError || error.graphQLErrors.length === 0) return new SyncError('network', null, error.message);
  const first = error.graphQLErrors[0];
  const ext = first.extensions ?? {};
  return new SyncError('refused', typeof ext.code === 'string' ? ext.code : null, first.message, typeof ext.field === 'string' ? ext.field : null);
}

function unwrap<T>(result: { data?: T; error?: CombinedError }): T {
  if (result.error) throw syncErrorOf(result.error);
  if (!result.data) throw new SyncError('network', null, 'no answer');
  return result.data;
}

/** The SyncApi over a GraphQL client: always asks the server, never the client's cache. */
export function clientSyncApi(client: Client): SyncApi {
  const network = { requestPolicy: 'network-only' as const };
  return {
    async offlinePackage() {
      return unwrap(await client.query(offlinePackageQuery, {}, network).toPromise()).offlinePackage;
    },
    async changes(since) {
      return unwrap(await client.query(offlineChangesQuery, { since }, network).toPromise()).changes;
    },
    async recordDeliveries(entries) {
      const data = unwrap(await client.mutation(recordDeliveriesMutation, { input: { deliveries: entries } }).toPromise());
      return data.recordDeliveries.results;
    },
  };
}
