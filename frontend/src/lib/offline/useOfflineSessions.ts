// The offline sessions of a user as a page uses them: what the device holds (children, queue,
// sync state), recording an entry into the queue, and the sync, run when the page opens while
// online, when the connection returns, and on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { newIdempotencyKey } from '../idempotency';
import { clientSyncApi } from './api';
import { emptySyncState, openUserStore, type OfflineStore } from './store';
import { syncNow, type SyncReport } from './sync';
import type { EntryInput, OfflineChild, QueuedEntry, SyncState } from './types';

export interface OfflineSessions {
  /** False until the device's data has been read. */
  ready: boolean;
  /** Set when the device's storage cannot be used (a private window, storage turned off). */
  storageError: boolean;
  children: OfflineChild[];
  entries: QueuedEntry[];
  sync: SyncState;
  syncing: boolean;
  /** What the last sync did; null before the first. */
  lastReport: SyncReport | null;
  online: boolean;
  /** Stores an entry in the queue (with a new idempotency key) and syncs when online. */
  record: (entry: Omit<QueuedEntry, 'input' | 'createdAt' | 'status'> & { input: Omit<EntryInput, 'idempotencyKey'> }) => Promise<QueuedEntry>;
  syncNow: () => void;
  /** Removes an answered entry from the list. */
  dismiss: (key: string) => void;
}

/**
 * Retries a sync with entries waiting this often while the browser says it is online: the
 * server may have been unreachable all the same (navigator.onLine only knows of a network),
 * and then no `online` event comes when it can be reached again.
 */
const retryMs = 10_000;

export function useOfflineSessions(userId: string): OfflineSessions {
  const client = useClient();
  const storeRef = useRef<(OfflineStore & { close(): void }) | null>(null);
  const [ready, setReady] = useState(false);
  const [storageError, setStorageError] = useState(false);
  const [children, setChildren] = useState<OfflineChild[]>([]);
  const [entries, setEntries] = useState<QueuedEntry[]>([]);
  const [sync, setSync] = useState<SyncState>(emptySyncState);
  const [syncing, setSyncing] = useState(false);
  const [lastReport, setLastReport] = useState<SyncReport | null>(null);
  const [browserOnline, setOnline] = useState(() => navigator.onLine);
  // Whether the last sync reached the server: false after a network failure, until one succeeds.
  const [reachable, setReachable] = useState<boolean | null>(null);
  const online = browserOnline && reachable !== false;
  const running = useRef(false);
  /** Syncs in a row that could not reach the server. */
  const failures = useRef(0);

  const reload = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const [c, e, s] = await Promise.all([store.children(), store.entries(), store.syncState()]);
    setChildren(c);
    setEntries(e);
    setSync(s);
  }, []);

  const runSync = useCallback(async () => {
    const store = storeRef.current;
    if (!store || running.current) return;
    running.current = true;
    setSyncing(true);
    try {
      const report = await syncNow(store, clientSyncApi(client));
      setLastReport(report);
      setReachable(report.error?.kind !== 'network');
      await reload();
    } finally {
      running.current = false;
      setSyncing(false);
    }
  }, [client, reload]);

  useEffect(() => {
    let live = true;
    openUserStore(userId)
      .then(async (store) => {
        if (!live) {
          store.close();
          return;
        }
        storeRef.current = store;
        await reload();
        setReady(true);
        if (navigator.onLine) await runSync();
      })
      .catch(() => live && (setStorageError(true), setReady(true)));
    return () => {
      live = false;
      storeRef.current?.close();
      storeRef.current = null;
    };
  }, [userId, reload, runSync]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      failures.current = 0;
      void runSync();
    };
    const down = () => {
      setOnline(false);
      setReachable(false);
    };
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [runSync]);

  // While entries wait: tried again soon after a failure (1, 2, 4, 8 s: the connection that
  // has just come back is often not usable at once), then every retryMs.
  const waiting = entries.some((e) => e.status === 'queued');
  useEffect(() => {
    if (lastReport) failures.current = lastReport.error?.kind === 'network' ? failures.current + 1 : 0;
  }, [lastReport]);
  useEffect(() => {
    if (!waiting || !browserOnline || syncing) return;
    const delay = failures.current > 0 ? Math.min(retryMs, 1000 * 2 ** (failures.current - 1)) : retryMs;
    const timer = window.setTimeout(() => void runSync(), delay);
    return () => window.clearTimeout(timer);
  }, [waiting, browserOnline, syncing, lastReport, runSync]);

  const record = useCallback<OfflineSessions['record']>(
    async ({ input, ...rest }) => {
      const store = storeRef.current;
      if (!store) throw new Error('the device storage is not open');
      const entry: QueuedEntry = {
        ...rest,
        input: { ...input, idempotencyKey: newIdempotencyKey() },
        createdAt: new Date().toISOString(),
        status: 'queued',
      };
      await store.putEntries([entry]);
      // Entries not sent yet must survive the browser's clean-ups when the disk runs low.
      void navigator.storage?.persist?.().catch(() => false);
      await reload();
      if (navigator.onLine && reachable !== false) void runSync();
      return entry;
    },
    [reload, runSync, reachable],
  );

  const dismiss = useCallback(
    (key: string) => {
      const store = storeRef.current;
      if (!store) return;
      void store.deleteEntry(key).then(reload);
    },
    [reload],
  );

  return {
    ready,
    storageError,
    children,
    entries,
    sync,
    syncing,
    lastReport,
    online,
    record,
    syncNow: () => void runSync(),
    dismiss,
  };
}
