// A small promise wrapper over IndexedDB: what the offline sessions need and no more (open a
// database with its stores, read and write records, delete a database). IndexedDB's requests
// and transactions report through events; each function here turns one into a promise.

/** A store of a database: its name and the property that keys its records. */
export interface StoreSpec {
  name: string;
  keyPath: string | null;
}

/** The result of one IndexedDB request. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction has committed, rejects when it failed or was aborted. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** An open database. */
export class Database {
  constructor(readonly db: IDBDatabase) {}

  /** One record by its key, or undefined. */
  async get<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
    const tx = this.db.transaction(store, 'readonly');
    return (await request(tx.objectStore(store).get(key))) as T | undefined;
  }

  /** Every record of a store, in key order. */
  async all<T>(store: string): Promise<T[]> {
    const tx = this.db.transaction(store, 'readonly');
    return (await request(tx.objectStore(store).getAll())) as T[];
  }

  /**
   * Runs `work` in one read-write transaction over `stores`, and resolves once it has
   * committed: either every write of it is stored or none is.
   */
  async write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
    const tx = this.db.transaction(stores, 'readwrite');
    const committed = done(tx);
    try {
      work(tx);
    } catch (err) {
      tx.abort();
      await committed.catch(() => undefined);
      throw err;
    }
    await committed;
  }

  /** Stores a record (replacing one with its key); `key` for stores without a key path. */
  put(store: string, value: unknown, key?: IDBValidKey): Promise<void> {
    return this.write([store], (tx) => {
      tx.objectStore(store).put(value, key);
    });
  }

  /** Deletes a record by its key. */
  delete(store: string, key: IDBValidKey): Promise<void> {
    return this.write([store], (tx) => {
      tx.objectStore(store).delete(key);
    });
  }

  close() {
    this.db.close();
  }
}

/**
 * Opens (and creates, or upgrades to `version`) a database with the given stores. A store
 * missing from an older version is created; none is ever dropped here.
 */
export function openDatabase(name: string, version: number, stores: StoreSpec[], factory: IDBFactory = indexedDB): Promise<Database> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, version);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const s of stores) {
        if (!db.objectStoreNames.contains(s.name)) db.createObjectStore(s.name, s.keyPath ? { keyPath: s.keyPath } : undefined);
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting or upgrading the database: let it, this one is reopened on use.
      db.onversionchange = () => db.close();
      resolve(new Database(db));
    };
    req.onerror = () => reject(req.error ?? new Error(`cannot open IndexedDB ${name}`));
    req.onblocked = () => reject(new Error(`IndexedDB ${name} is held open by another tab`));
  });
}

/** Deletes a database; resolves when it is gone (at once when it never existed). */
export function deleteDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`cannot delete IndexedDB ${name}`));
    // Blocked: another tab holds it open; it closes on versionchange and the delete goes on.
    req.onblocked = () => undefined;
  });
}
