// What the device keeps for recording sessions offline: the offline package's children as the
// server sent them, the queue of entries recorded on the device with their outcomes, and where
// the sync stands.
import type { DeliveryOutcome, OfflineChildFieldsFragment, RecordDeliveriesMutation } from '../../gql/graphql';

/** A child of the offline package, whole, as `offlinePackage` and `changes` send it. */
export type OfflineChild = OfflineChildFieldsFragment;
export type OfflinePlan = OfflineChild['plans'][number];
export type OfflineLine = OfflinePlan['lines'][number];

/** What a sync page brings: children to store whole, ids to delete, and the next cursor. */
export interface OfflinePage {
  asOf: string;
  today: string;
  children: OfflineChild[];
  removed: string[];
  hasMore: boolean;
  cursor: string;
}

/** One result of recordDeliveries. */
export type DeliveryResult = RecordDeliveriesMutation['recordDeliveries']['results'][number];
export type DeliveryError = NonNullable<DeliveryResult['error']>;

/** What recordDeliveries takes for one entry. */
export interface EntryInput {
  idempotencyKey: string;
  planId: string;
  lineKey: string;
  date: string;
  units: number;
  parentId: string | null;
  note: string | null;
}

/**
 * An entry recorded on the device. `status` is 'queued' until the server has answered for it,
 * then its outcome; the entry stays (with its outcome) until the user dismisses it. The key is
 * made once, when the entry is made, and sent with every attempt: a retry never records twice.
 */
export interface QueuedEntry {
  input: EntryInput;
  /** When it was recorded on the device (ISO time): the queue is sent in this order. */
  createdAt: string;
  /** What the list shows without the package (the child may have left it meanwhile). */
  childId: string;
  childName: string;
  serviceName: string;
  serviceNameEn: string;
  recipient: 'CHILD' | 'PARENTS';
  unit: 'SESSION' | 'HOUR' | 'DAY';
  status: 'queued' | DeliveryOutcome;
  error?: DeliveryError | null;
  /** When the server answered (ISO time). */
  answeredAt?: string;
}

/** Where the sync stands: the cursor of what the device holds, and when it was last pulled. */
export interface SyncState {
  cursor: string | null;
  asOf: string | null;
  today: string | null;
  syncedAt: string | null;
}

/** The user the device last held data for: shown when the app is opened without a connection. */
export interface OfflineUser {
  id: string;
  name: string;
  email: string;
  role: string;
}
