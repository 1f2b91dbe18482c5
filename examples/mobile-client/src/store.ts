// What the device keeps between runs, in one JSON file: the offline package (children by id),
// the cursor of the last sync, the queue of sessions captured offline, and what was uploaded.
// It holds children's names and birth dates: an app keeps it in its private, encrypted
// storage and deletes it when the user signs out.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DeliveryError, DeliveryInput, OfflineChild } from './types.js';

/** A session captured on the device, waiting to be uploaded (or refused, with the reason). */
export interface Capture extends DeliveryInput {
  /** Made once, when the session is captured, and sent with every retry. */
  idempotencyKey: string;
  childId: string;
  capturedAt: string;
  /** pending: to upload at the next sync; refused: the server said no (see `refusal`). */
  status: 'pending' | 'refused';
  refusal?: DeliveryError & { at: string };
}

/** A capture the server has recorded: out of the queue, kept as a log (an app trims it). */
export interface Uploaded {
  idempotencyKey: string;
  childId: string;
  date: string;
  units: number;
  outcome: 'RECORDED' | 'ALREADY_RECORDED';
  deliveryId: string;
  at: string;
}

export interface StoreData {
  format: 1;
  /** Whose package this is (MobileMe's id): another user's token must not sync it. */
  userId: string | null;
  /** The cursor of the last page applied; null: load the whole package. */
  cursor: string | null;
  asOf: string | null;
  today: string | null;
  children: Record<string, OfflineChild>;
  queue: Capture[];
  uploaded: Uploaded[];
}

const empty = (): StoreData => ({ format: 1, userId: null, cursor: null, asOf: null, today: null, children: {}, queue: [], uploaded: [] });

export class Store {
  private constructor(
    readonly path: string,
    public data: StoreData,
  ) {}

  static open(path: string): Store {
    return new Store(path, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as StoreData) : empty());
  }

  /** Writes the file whole and atomically (a crash leaves the old or the new file, never half). */
  save(): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 1), { mode: 0o600 });
    renameSync(tmp, this.path);
  }

  /** Forgets the package (not the queue): the next sync loads it whole. */
  resetPackage(): void {
    this.data.cursor = null;
    this.data.asOf = null;
    this.data.children = {};
  }

  /** Deletes everything the device holds of a child: its entry and its refused captures. */
  removeChild(id: string): Capture[] {
    delete this.data.children[id];
    const dropped = this.data.queue.filter((c) => c.childId === id && c.status === 'refused');
    this.data.queue = this.data.queue.filter((c) => !dropped.includes(c));
    return dropped;
  }
}
