// Where the device keeps a user's offline data: one IndexedDB database per user
// (`atbalsts-offline-<user id>`), so that a user never reads another's; and, in a shared one,
// who the last signed-in user was (to show their sessions when the app opens offline). Signing
// out deletes the user's database and that record: personal data does not stay on a device.
import type { Me } from '../../auth/session';
import { Database, deleteDatabase, openDatabase } from './idb';
import type { OfflineChild, QueuedEntry, SyncState } from './types';

/** What the sync and the page need of the device's storage; tests use memoryStore. */
export interface OfflineStore {
  children(): Promise<OfflineChild[]>;
  /**
   * Applies a page of the package in one step: stores each child whole (replacing the one
   * held), deletes the removed children with the outcomes of their entries, and keeps the
   * new sync state. With `replaceAll` every child held before is dropped first (a new package).
   */
  applyPage(page: { children: OfflineChild[]; removed: string[] }, state: SyncState, replaceAll: boolean): Promise<void>;
  syncState(): Promise<SyncState>;
  entries(): Promise<QueuedEntry[]>;
  putEntries(entries: QueuedEntry[]): Promise<void>;
  deleteEntry(key: string): Promise<void>;
}

export const emptySyncState: SyncState = { cursor: null, asOf: null, today: null, syncedAt: null };

/** Entries in the order they were recorded (the queue is sent in this order). */
export function byCreation(a: QueuedEntry, b: QueuedEntry): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.input.idempotencyKey.localeCompare(b.input.idempotencyKey);
}

/**
 * The entries that go with a removed child: its answered entries. An entry still queued is
 * kept: it is the user's work, and the server answers for it (NOT_FOUND) when it is sent.
 */
function removable(entry: QueuedEntry, removed: Set<string>): boolean {
  return removed.has(entry.childId) && entry.status !== 'queued';
}

const version = 1;
const stores = [
  { name: 'children', keyPath: 'id' },
  { name: 'queue', keyPath: 'input.idempotencyKey' },
  { name: 'meta', keyPath: null },
];

/** The name of a user's database. */
export function userDatabaseName(userId: string): string {
  return `atbalsts-offline-${userId}`;
}

/** The IndexedDB store of one user. */
export async function openUserStore(userId: string): Promise<OfflineStore & { close(): void }> {
  const db = await openDatabase(userDatabaseName(userId), version, stores);
  return idbStore(db);
}

function idbStore(db: Database): OfflineStore & { close(): void } {
  return {
    children: () => db.all<OfflineChild>('children'),
    async applyPage(page, state, replaceAll) {
      const removed = new Set(page.removed);
      const entries = removed.size > 0 ? await db.all<QueuedEntry>('queue') : [];
      await db.write(['children', 'queue', 'meta'], (tx) => {
        const children = tx.objectStore('children');
        if (replaceAll) children.clear();
        for (const id of page.removed) children.delete(id);
        for (const c of page.children) children.put(c);
        const queue = tx.objectStore('queue');
        for (const e of entries) if (removable(e, removed)) queue.delete(e.input.idempotencyKey);
        tx.objectStore('meta').put(state, 'sync');
      });
    },
    async syncState() {
      return (await db.get<SyncState>('meta', 'sync')) ?? emptySyncState;
    },
    async entries() {
      return (await db.all<QueuedEntry>('queue')).sort(byCreation);
    },
    putEntries(entries) {
      return db.write(['queue'], (tx) => {
        const queue = tx.objectStore('queue');
        for (const e of entries) queue.put(e);
      });
    },
    deleteEntry: (key) => db.delete('queue', key),
    close: () => db.close(),
  };
}

/** An OfflineStore in memory, with the same behaviour: for tests. */
export function memoryStore(): OfflineStore & { state: { children: Map<string, OfflineChild>; queue: Map<string, QueuedEntry>; sync: SyncState } } {
  const state = { children: new Map<string, OfflineChild>(), queue: new Map<string, QueuedEntry>(), sync: emptySyncState };
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    state,
    children: async () => [...state.children.values()].map(copy).sort((a, b) => a.id.localeCompare(b.id)),
    async applyPage(page, sync, replaceAll) {
      if (replaceAll) state.children.clear();
      const removed = new Set(page.removed);
      for (const id of page.removed) state.children.delete(id);
      for (const c of page.children) state.children.set(c.id, copy(c));
      for (const [key, e] of state.queue) if (removable(e, removed)) state.queue.delete(key);
      state.sync = copy(sync);
    },
    syncState: async () => copy(state.sync),
    entries: async () => [...state.queue.values()].map(copy).sort(byCreation),
    async putEntries(entries) {
      for (const e of entries) state.queue.set(e.input.idempotencyKey, copy(e));
    },
    async deleteEntry(key) {
      state.queue.delete(key);
    },
  };
}

// The shared database: who last signed in on this device (their `me`), to open their
// sessions without a connection.
const sharedName = 'atbalsts-offline';
const sharedStores = [{ name: 'meta', keyPath: null }];

async function withShared<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(sharedName, 1, sharedStores);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** The user whose data the device last held, or null. */
export function lastUser(): Promise<Me | null> {
  return withShared(async (db) => (await db.get<Me>('meta', 'lastUser')) ?? null);
}

/**
 * Remembers who signed in. When someone else held data on this device before, theirs is
 * deleted unless entries of theirs wait to be sent (they are theirs to send after signing in
 * again; nobody else can open them).
 */
export async function rememberUser(me: Me): Promise<void> {
  const before = await lastUser();
  if (before && before.id !== me.id) {
    const theirs = await openUserStore(before.id);
    const waiting = (await theirs.entries()).some((e) => e.status === 'queued');
    theirs.close();
    if (!waiting) await deleteDatabase(userDatabaseName(before.id));
  }
  await withShared((db) => db.put('meta', me, 'lastUser'));
}

/**
 * How many entries of a user wait to be sent; 0 when the device holds no data of theirs (their
 * database is not created to find that out).
 */
export async function unsentCount(userId: string): Promise<number> {
  const name = userDatabaseName(userId);
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((d) => d.name === name)) return 0;
  const store = await openUserStore(userId);
  try {
    return (await store.entries()).filter((e) => e.status === 'queued').length;
  } finally {
    store.close();
  }
}

/** Deletes a user's offline data and, when they were the last user, that record: on sign-out. */
export async function forgetUser(userId: string): Promise<void> {
  await deleteDatabase(userDatabaseName(userId));
  await withShared(async (db) => {
    const last = await db.get<Me>('meta', 'lastUser');
    if (last?.id === userId) await db.delete('meta', 'lastUser');
  });
}
