// The offline sync against a fake server: the queue goes up in batches of at most 100 in the
// order recorded, outcomes are kept per entry, a network failure keeps entries queued with
// their keys (a retry sends the same keys, and the server records nothing twice), and the
// package comes down page by page with tombstones deleting children and their outcomes.
import { describe, expect, it } from 'vitest';
import { SyncError, type SyncApi } from './api';
import { memoryStore } from './store';
import { batchSize, syncNow } from './sync';
import type { DeliveryResult, EntryInput, OfflineChild, OfflinePage, QueuedEntry } from './types';

function child(id: string, version = 'v1'): OfflineChild {
  return {
    __typename: 'OfflineChild',
    id,
    firstName: `Vārds${id}`,
    lastName: 'Bērziņa',
    birthDate: '2016-08-15',
    municipality: { __typename: 'Municipality', id: 'm1', name: 'Liepāja' },
    parents: [],
    plans: [],
    caps: [],
    version,
  };
}

function page(children: OfflineChild[], { removed = [] as string[], hasMore = false, cursor = 'c' } = {}): OfflinePage {
  return { asOf: '2026-12-03T08:00:00Z', today: '2026-12-03', children, removed, hasMore, cursor };
}

let seq = 0;
function entry(childId = '1', status: QueuedEntry['status'] = 'queued'): QueuedEntry {
  seq++;
  return {
    input: { idempotencyKey: `key-${String(seq).padStart(4, '0')}`, planId: 'p1', lineKey: 'l1', date: '2026-12-03', units: 1, parentId: null, note: null },
    createdAt: new Date(Date.UTC(2026, 11, 3, 8, 0, 0, seq)).toISOString(),
    childId,
    childName: 'Bērziņa Anna',
    serviceName: 'Fizioterapija',
    serviceNameEn: 'Physiotherapy',
    recipient: 'CHILD',
    unit: 'SESSION',
    status,
  };
}

/**
 * A fake server: records each key once (a second time is ALREADY_RECORDED), refuses the keys
 * in `refuse` with a cap error, and serves the pages given, in order, to offlinePackage and
 * changes. `down` makes every call fail as a network error.
 */
function fakeServer({ pages = [page([])], refuse = new Set<string>(), cursorUnreadable = false } = {}) {
  const recorded = new Set<string>();
  const calls: { kind: string; keys?: string[]; since?: string }[] = [];
  const served = [...pages];
  const server = {
    down: false,
    recorded,
    calls,
    api: {
      async recordDeliveries(entries: EntryInput[]): Promise<DeliveryResult[]> {
        calls.push({ kind: 'record', keys: entries.map((e) => e.idempotencyKey) });
        if (server.down) throw new SyncError('network', null, 'Failed to fetch');
        return entries.map((e) => {
          if (refuse.has(e.idempotencyKey)) {
            return {
              __typename: 'DeliveryResult',
              idempotencyKey: e.idempotencyKey,
              outcome: 'REFUSED',
              delivery: null,
              error: {
                __typename: 'DeliveryError',
                code: 'CHILD_SESSION_CAP_EXCEEDED',
                message: 'capped',
                field: null,
                remaining: '0',
                limit: '100',
                lastCounted: {
                  __typename: 'CountedDelivery',
                  date: '2026-12-02',
                  recordedOn: '2026-12-03',
                  units: 1,
                  provider: { __typename: 'Provider', id: 'pr2', name: 'Biedrība "Atbalsta tilts"' },
                  byAnotherProvider: true,
                },
              },
            };
          }
          const outcome = recorded.has(e.idempotencyKey) ? 'ALREADY_RECORDED' : 'RECORDED';
          recorded.add(e.idempotencyKey);
          return { __typename: 'DeliveryResult', idempotencyKey: e.idempotencyKey, outcome, delivery: { __typename: 'ServiceDelivery', id: `d-${e.idempotencyKey}` }, error: null };
        });
      },
      async offlinePackage() {
        calls.push({ kind: 'package' });
        if (server.down) throw new SyncError('network', null, 'Failed to fetch');
        return served.shift() ?? page([]);
      },
      async changes(since: string) {
        calls.push({ kind: 'changes', since });
        if (server.down) throw new SyncError('network', null, 'Failed to fetch');
        if (cursorUnreadable && since === 'old') throw new SyncError('refused', 'BAD_USER_INPUT', 'this cursor cannot be read', 'since');
        return served.shift() ?? page([], { cursor: since });
      },
    } satisfies SyncApi,
  };
  return server;
}

describe('syncNow', () => {
  it('sends the queue in batches of at most 100, in the order recorded, and keeps each outcome', async () => {
    const store = memoryStore();
    const entries = Array.from({ length: 230 }, () => entry());
    await store.putEntries([...entries].reverse());
    const refused = entries[150].input.idempotencyKey;
    const server = fakeServer({ refuse: new Set([refused]) });

    const report = await syncNow(store, server.api);

    const batches = server.calls.filter((c) => c.kind === 'record').map((c) => c.keys!);
    expect(batches.map((b) => b.length)).toEqual([batchSize, batchSize, 30]);
    expect(batches.flat()).toEqual(entries.map((e) => e.input.idempotencyKey));
    expect(report).toMatchObject({ recorded: 229, refused: 1, alreadyRecorded: 0, queued: 0, error: null });
    const after = await store.entries();
    expect(after.filter((e) => e.status === 'RECORDED')).toHaveLength(229);
    const r = after.find((e) => e.input.idempotencyKey === refused)!;
    expect(r.status).toBe('REFUSED');
    expect(r.error?.code).toBe('CHILD_SESSION_CAP_EXCEEDED');
    expect(r.error?.lastCounted?.provider.name).toBe('Biedrība "Atbalsta tilts"');
  });

  it('keeps entries queued through a network failure and sends the same keys again, recording nothing twice', async () => {
    const store = memoryStore();
    const entries = [entry(), entry()];
    await store.putEntries(entries);
    const server = fakeServer();
    server.down = true;

    const failed = await syncNow(store, server.api);
    expect(failed.error?.kind).toBe('network');
    expect(failed.queued).toBe(2);
    expect((await store.entries()).map((e) => e.status)).toEqual(['queued', 'queued']);

    // The answer of an earlier attempt got lost after the server recorded the first entry.
    server.down = false;
    server.recorded.add(entries[0].input.idempotencyKey);
    const ok = await syncNow(store, server.api);
    expect(ok).toMatchObject({ recorded: 1, alreadyRecorded: 1, queued: 0, error: null });
    const sent = server.calls.filter((c) => c.kind === 'record').map((c) => c.keys);
    expect(sent).toEqual([
      entries.map((e) => e.input.idempotencyKey),
      entries.map((e) => e.input.idempotencyKey),
    ]);
    expect((await store.entries()).map((e) => e.status)).toEqual(['ALREADY_RECORDED', 'RECORDED']);
  });

  it('does not send answered entries again', async () => {
    const store = memoryStore();
    await store.putEntries([entry('1', 'RECORDED'), entry('1', 'REFUSED')]);
    const server = fakeServer();
    await syncNow(store, server.api);
    expect(server.calls.filter((c) => c.kind === 'record')).toEqual([]);
  });

  it('loads the package page by page, then applies changes whole and tombstones with what belongs to them', async () => {
    const store = memoryStore();
    const server = fakeServer({
      pages: [
        page([child('1'), child('2')], { hasMore: true, cursor: 'c1' }),
        page([child('3')], { cursor: 'c2' }),
        // The next sync: child 2 changed, child 3 left the user's package.
        page([child('2', 'v2')], { removed: ['3'], cursor: 'c3' }),
      ],
    });
    const first = await syncNow(store, server.api);
    expect(first.pages).toBe(2);
    expect(server.calls.map((c) => c.kind)).toEqual(['package', 'changes']);
    expect(server.calls[1].since).toBe('c1');
    expect((await store.children()).map((c) => c.id)).toEqual(['1', '2', '3']);
    expect((await store.syncState()).cursor).toBe('c2');
    expect((await store.syncState()).syncedAt).not.toBeNull();

    // An answered entry of child 3 goes with the child; one still queued stays (it is the
    // user's work, and the server answers for it).
    const answered = entry('3', 'RECORDED');
    const mine = entry('1', 'RECORDED');
    await store.putEntries([answered, mine]);
    await syncNow(store, server.api);
    expect(server.calls.at(-1)).toEqual({ kind: 'changes', since: 'c2' });
    const children = await store.children();
    expect(children.map((c) => c.id)).toEqual(['1', '2']);
    expect(children.find((c) => c.id === '2')?.version).toBe('v2');
    expect((await store.entries()).map((e) => e.input.idempotencyKey)).toEqual([mine.input.idempotencyKey]);
    expect((await store.syncState()).cursor).toBe('c3');
  });

  it('starts over with the package when the server cannot read the cursor', async () => {
    const store = memoryStore();
    await store.applyPage(page([child('9')]), { cursor: 'old', asOf: null, today: null, syncedAt: null }, true);
    const server = fakeServer({ cursorUnreadable: true, pages: [page([child('1')], { cursor: 'new' })] });
    const report = await syncNow(store, server.api);
    expect(report.error).toBeNull();
    expect(server.calls.map((c) => c.kind)).toEqual(['changes', 'package']);
    // The new package replaces what the device held.
    expect((await store.children()).map((c) => c.id)).toEqual(['1']);
    expect((await store.syncState()).cursor).toBe('new');
  });

  it('pulls nothing while entries could not be sent', async () => {
    const store = memoryStore();
    await store.putEntries([entry()]);
    const server = fakeServer();
    server.down = true;
    await syncNow(store, server.api);
    expect(server.calls.map((c) => c.kind)).toEqual(['record']);
  });
});
