// The sync of the offline sessions: first the queue goes up (in batches of at most 100, in the
// order recorded, each entry with the key it was given when it was made), then what changed
// comes down (changes since the device's cursor, page by page, until nothing more waits).
//
// A network failure stops the sync where it is: entries not answered stay queued and are sent
// again, with the same keys, next time (the server records nothing twice). Entries are pulled
// only after the queue is empty of what could be sent, so that the package counts them.
import { SyncError, type SyncApi } from './api';
import type { OfflineStore } from './store';
import type { OfflinePage, QueuedEntry, SyncState } from './types';

/** The most entries one recordDeliveries call takes. */
export const batchSize = 100;

/** How many pages one sync pulls at most: a guard against a server that always has more. */
const maxPages = 1000;

export interface SyncReport {
  /** Entries answered by this sync, by outcome. */
  recorded: number;
  alreadyRecorded: number;
  refused: number;
  /** Entries still queued after it (a network failure, or a refused batch). */
  queued: number;
  /** Pages of the package pulled. */
  pages: number;
  /** Why it stopped before the end; null when it went through. */
  error: SyncError | null;
}

/** Sends the queued entries, then pulls the package's changes. Never throws a SyncError: it reports it. */
export async function syncNow(store: OfflineStore, api: SyncApi, now: () => Date = () => new Date()): Promise<SyncReport> {
  const report: SyncReport = { recorded: 0, alreadyRecorded: 0, refused: 0, queued: 0, pages: 0, error: null };
  try {
    await upload(store, api, report, now);
    await pull(store, api, report, now);
  } catch (err) {
    if (!(err instanceof SyncError)) throw err;
    report.error = err;
  }
  report.queued = (await store.entries()).filter((e) => e.status === 'queued').length;
  return report;
}

async function upload(store: OfflineStore, api: SyncApi, report: SyncReport, now: () => Date) {
  const queued = (await store.entries()).filter((e) => e.status === 'queued');
  for (let i = 0; i < queued.length; i += batchSize) {
    const batch = queued.slice(i, i + batchSize);
    const results = await api.recordDeliveries(batch.map((e) => e.input));
    const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
    const answered: QueuedEntry[] = [];
    const at = now().toISOString();
    for (const entry of batch) {
      const r = byKey.get(entry.input.idempotencyKey);
      if (!r) continue; // not answered: stays queued, sent again with the same key
      answered.push({ ...entry, status: r.outcome, error: r.error ?? null, answeredAt: at });
      if (r.outcome === 'RECORDED') report.recorded++;
      else if (r.outcome === 'ALREADY_RECORDED') report.alreadyRecorded++;
      else report.refused++;
    }
    await store.putEntries(answered);
  }
}

async function pull(store: OfflineStore, api: SyncApi, report: SyncReport, now: () => Date) {
  let { cursor } = await store.syncState();
  let fresh = cursor === null;
  for (let n = 0; n < maxPages; n++) {
    let page: OfflinePage;
    if (cursor === null) {
      page = await api.offlinePackage();
      fresh = true;
    } else {
      try {
        page = await api.changes(cursor);
      } catch (err) {
        // A cursor the server cannot read (another version of it, a damaged store): start over.
        if (err instanceof SyncError && err.code === 'BAD_USER_INPUT' && n === 0) {
          cursor = null;
          continue;
        }
        throw err;
      }
    }
    const state: SyncState = { cursor: page.cursor, asOf: page.asOf, today: page.today, syncedAt: page.hasMore ? null : now().toISOString() };
    if (page.hasMore) {
      // Until the last page has come, the last complete sync stays the one shown.
      state.syncedAt = (await store.syncState()).syncedAt;
    }
    await store.applyPage(page, state, fresh);
    fresh = false;
    cursor = page.cursor;
    report.pages++;
    if (!page.hasMore) return;
  }
}
