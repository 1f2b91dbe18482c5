// The shapes of the answers to operations.graphql (written by hand: the example has no
// code generator; a native app generates them from the schema).

export interface Me {
  id: string;
  name: string;
  role: string;
  provider: { id: string; name: string } | null;
}

export interface OfflineLine {
  key: string;
  serviceType: { id: string; code: string; name: string; nameEn: string; unit: string };
  recipient: 'CHILD' | 'PARENTS';
  provider: { id: string; name: string } | null;
  plannedUnits: number;
  remainingUnits: number;
  unitPrice: string;
  priceSource: string;
}

export interface OfflinePlan {
  id: string;
  kind: string;
  project: { id: string; name: string };
  validFrom: string;
  validTo: string;
  budget: string;
  budgetRemaining: string;
  lines: OfflineLine[];
}

export interface CapUsage {
  project: { id: string };
  kind: string;
  limit: number | null;
  used: number;
  remaining: number | null;
  periodFrom: string;
  periodTo: string;
}

/** A child as the offline package holds it: stored whole, replaced whole. */
export interface OfflineChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  municipality: { id: string; name: string };
  parents: { id: string; firstName: string; lastName: string }[];
  plans: OfflinePlan[];
  caps: CapUsage[];
  version: string;
}

/** A page of offlinePackage or changes(since:). */
export interface OfflinePage {
  asOf: string;
  today: string;
  children: OfflineChild[];
  removed: string[];
  hasMore: boolean;
  cursor: string;
}

/** A delivery as recordDeliveries takes it. */
export interface DeliveryInput {
  idempotencyKey: string;
  planId: string;
  lineKey: string;
  date: string;
  units: number;
  parentId?: string;
  note?: string;
}

/** Why the server refused a delivery; for a broken limit, what remains and who used it. */
export interface DeliveryError {
  code: string;
  message: string;
  field: string | null;
  remaining: string | null;
  limit: string | null;
  lastCounted: {
    date: string;
    recordedOn: string;
    units: number;
    provider: { name: string };
    byAnotherProvider: boolean;
  } | null;
}

export interface DeliveryResult {
  idempotencyKey: string;
  outcome: 'RECORDED' | 'ALREADY_RECORDED' | 'REFUSED';
  delivery: { id: string; date: string; units: number; amount: string; status: string } | null;
  error: DeliveryError | null;
}
