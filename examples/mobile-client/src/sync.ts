// The offline cycle: upload what was captured, then bring the package up to date.
import { ApiError, type Client } from './client.js';
import type { Capture, Store } from './store.js';
import type { DeliveryInput, DeliveryResult, Me, OfflinePage } from './types.js';

/** recordDeliveries takes at most 100 deliveries. */
export const batchSize = 100;

export interface SyncReport {
  user: Me;
  /** Every upload's outcome, in the order sent. */
  results: DeliveryResult[];
  /** Pages of the package or of changes applied. */
  pages: number;
  /** Whether the whole package was loaded (first sync, or after a cursor the server refused). */
  fullLoad: boolean;
  /** Why it was loaded whole although the device had a cursor. */
  resetReason?: string;
  /** Ids of the children stored or replaced. */
  changed: string[];
  /** Ids of the children deleted (tombstones). */
  removed: string[];
  /** Refused captures deleted with their child. */
  droppedCaptures: string[];
}

/**
 * Uploads the queue, then pulls. Throws ApiError or NetworkError when it cannot go on; what was
 * done until then is saved (uploaded captures leave the queue, applied pages move the cursor),
 * and the next sync goes on from there with the same idempotency keys.
 */
export async function sync(client: Client, store: Store): Promise<SyncReport> {
  const { me } = await client.request<{ me: Me | null }>('MobileMe');
  if (!me) throw new ApiError('the server did not recognise the token', 'UNAUTHENTICATED', {}, 200);
  if (store.data.userId && store.data.userId !== me.id) {
    throw new Error(`this device's data belongs to another user than ${me.name}: sync it with that user's token, or start with a new store`);
  }
  store.data.userId = me.id;
  const report: SyncReport = { user: me, results: [], pages: 0, fullLoad: false, changed: [], removed: [], droppedCaptures: [] };
  await upload(client, store, report);
  await pull(client, store, report);
  return report;
}

/** Sends the pending captures in batches of up to 100, saving after each batch. */
async function upload(client: Client, store: Store, report: SyncReport): Promise<void> {
  for (;;) {
    const batch = store.data.queue.filter((c) => c.status === 'pending').slice(0, batchSize);
    if (batch.length === 0) return;
    let results: DeliveryResult[];
    try {
      const data = await client.request<{ recordDeliveries: { results: DeliveryResult[] } }>('MobileRecordDeliveries', {
        input: { deliveries: batch.map(toInput) },
      });
      results = data.recordDeliveries.results;
    } catch (err) {
      // A capture the server cannot take at all (e.g. a note with a NUL character) refuses the
      // whole batch, naming it (`input.deliveries.3.note`): set it aside and send the rest.
      const at = err instanceof ApiError ? /^input\.deliveries\.(\d+)/.exec(String(err.extensions.field ?? '')) : null;
      const culprit = at ? batch[Number(at[1])] : undefined;
      if (!(err instanceof ApiError) || !culprit) throw err; // network, token, limits: keep everything
      const error = { code: err.code, message: err.message, field: String(err.extensions.field), remaining: null, limit: null, lastCounted: null };
      refuse(culprit, error);
      report.results.push({ idempotencyKey: culprit.idempotencyKey, outcome: 'REFUSED', delivery: null, error });
      store.save();
      continue;
    }
    const now = new Date().toISOString();
    for (const result of results) {
      report.results.push(result);
      const capture = store.data.queue.find((c) => c.idempotencyKey === result.idempotencyKey);
      if (!capture) continue;
      if (result.outcome === 'REFUSED') {
        refuse(capture, result.error ?? { code: 'UNKNOWN', message: 'refused', field: null, remaining: null, limit: null, lastCounted: null });
      } else if (result.delivery) {
        // RECORDED now, or ALREADY_RECORDED by an earlier try whose answer was lost.
        store.data.queue = store.data.queue.filter((c) => c !== capture);
        store.data.uploaded.push({
          idempotencyKey: capture.idempotencyKey,
          childId: capture.childId,
          date: capture.date,
          units: capture.units,
          outcome: result.outcome,
          deliveryId: result.delivery.id,
          at: now,
        });
      }
    }
    store.save();
    // A capture without a result (not expected) stays pending: stop rather than loop on it.
    if (batch.some((c) => c.status === 'pending' && store.data.queue.includes(c))) return;
  }
}

function refuse(capture: Capture, error: NonNullable<DeliveryResult['error']>): void {
  capture.status = 'refused';
  capture.refusal = { ...error, at: new Date().toISOString() };
}

function toInput(c: Capture): DeliveryInput {
  const input: DeliveryInput = { idempotencyKey: c.idempotencyKey, planId: c.planId, lineKey: c.lineKey, date: c.date, units: c.units };
  if (c.parentId) input.parentId = c.parentId;
  if (c.note) input.note = c.note;
  return input;
}

/**
 * Brings the package up to date: the whole package without a cursor, else the changes since
 * it; page after page while hasMore. Each page's children replace the stored ones whole, its
 * tombstones delete theirs, and its cursor is saved with it.
 */
async function pull(client: Client, store: Store, report: SyncReport): Promise<void> {
  for (;;) {
    let page: OfflinePage;
    const since = store.data.cursor;
    try {
      if (since === null) {
        store.resetPackage();
        report.fullLoad = true;
        page = (await client.request<{ offlinePackage: OfflinePage }>('MobileOfflinePackage')).offlinePackage;
      } else {
        page = (await client.request<{ changes: OfflinePage }>('MobileChanges', { since })).changes;
      }
    } catch (err) {
      // A cursor the server cannot read (from another server, too old, damaged): start again.
      if (since !== null && err instanceof ApiError && err.code === 'BAD_USER_INPUT' && err.extensions.field === 'since') {
        report.resetReason = err.message;
        store.resetPackage();
        store.save();
        continue;
      }
      throw err;
    }
    for (const child of page.children) {
      store.data.children[child.id] = child;
      report.changed.push(child.id);
    }
    for (const id of page.removed) {
      report.droppedCaptures.push(...store.removeChild(id).map((c) => c.idempotencyKey));
      report.removed.push(id);
    }
    store.data.cursor = page.cursor;
    store.data.asOf = page.asOf;
    store.data.today = page.today;
    store.save();
    report.pages++;
    if (!page.hasMore) return;
  }
}
