#!/usr/bin/env node
// The example client on the command line. ATBALSTS_URL and ATBALSTS_TOKEN say where and as
// whom to sync; ATBALSTS_STORE is the device's file (./atbalsts-offline.json by default).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ApiError, Client } from './client.js';
import { describeFailure, describeRefusal } from './messages.js';
import { Store, type Capture } from './store.js';
import { sync } from './sync.js';
import type { OfflineChild, OfflineLine, OfflinePlan } from './types.js';

const usage = `usage: node dist/cli.js <command> [--json]

  sync                    upload the captured sessions, then bring the offline package up to date
  capture <child> <line> [--date yyyy-mm-dd] [--units n] [--parent id] [--note text]
                          capture a session on the device (no connection needed): <child> is an
                          id or part of a name, <line> a line key or a service code (SPEECH_THERAPY);
                          the date is today by default, the units 1
  status                  what the device holds: children and their lines, captures waiting or refused
  retry [key...]          put refused captures back in the queue (all of them without a key)
  discard <key>           drop a capture that is not uploaded

environment: ATBALSTS_URL, ATBALSTS_TOKEN (for sync), ATBALSTS_STORE (default ./atbalsts-offline.json)`;

class UsageError extends Error {}

/** Today in Riga, as yyyy-mm-dd: the day the server judges dates by. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });

async function main(argv: string[]): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      date: { type: 'string' },
      units: { type: 'string' },
      parent: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (opts.help || !command) {
    console.log(usage);
    return command || opts.help ? 0 : 2;
  }
  const store = Store.open(process.env.ATBALSTS_STORE || 'atbalsts-offline.json');
  const out = (json: unknown, text: string) => console.log(opts.json ? JSON.stringify(json, null, 1) : text);

  switch (command) {
    case 'sync': {
      const url = process.env.ATBALSTS_URL;
      const token = process.env.ATBALSTS_TOKEN;
      if (!url || !token) throw new UsageError('sync needs ATBALSTS_URL and ATBALSTS_TOKEN');
      try {
        const report = await sync(new Client(url, token), store);
        const lines = report.results.map((r) =>
          r.outcome === 'REFUSED' && r.error ? `  ${r.idempotencyKey} REFUSED ${describeRefusal(r.error)}` : `  ${r.idempotencyKey} ${r.outcome}`,
        );
        out(
          { ok: true, ...report },
          [
            `Signed in as ${report.user.name} (${report.user.role}).`,
            `Uploaded ${report.results.length} capture(s)${lines.length ? ':' : '.'}`,
            ...lines,
            report.resetReason ? `The server refused the cursor (${report.resetReason}): the package was loaded again.` : '',
            `${report.fullLoad ? 'Loaded the package' : 'Synced the changes'}: ${report.pages} page(s), ${report.changed.length} child(ren) stored, ${report.removed.length} deleted.`,
            `The device holds ${Object.keys(store.data.children).length} child(ren) as of ${store.data.asOf}.`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
        return 0;
      } catch (err) {
        const message = describeFailure(err);
        const error = err instanceof ApiError ? { code: err.code, message, extensions: err.extensions } : { code: err instanceof Error ? err.name : 'Error', message };
        if (opts.json) console.log(JSON.stringify({ ok: false, error }, null, 1));
        else console.error(message);
        return 1;
      }
    }

    case 'capture': {
      const [who, which] = args;
      if (!who || !which) throw new UsageError('capture needs a child and a line');
      const capture = makeCapture(store, who, which, opts);
      store.data.queue.push(capture);
      store.save();
      const child = store.data.children[capture.childId];
      out(capture, `Captured ${capture.units} on ${capture.date} for ${child?.firstName} ${child?.lastName}: key ${capture.idempotencyKey}. It is sent at the next sync.`);
      return 0;
    }

    case 'status': {
      const children = Object.values(store.data.children).sort((a, b) => a.id.localeCompare(b.id));
      const pending = store.data.queue.filter((c) => c.status === 'pending');
      const refused = store.data.queue.filter((c) => c.status === 'refused');
      const text = [
        store.data.asOf ? `Offline package as of ${store.data.asOf}: ${children.length} child(ren).` : 'No package yet: run sync.',
        ...children.flatMap((c) => [
          `${c.firstName} ${c.lastName} (${c.id}, ${c.municipality.name})`,
          ...c.plans.flatMap((p) =>
            p.lines.map((l) => `  ${l.serviceType.code} ${l.recipient}: ${l.remainingUnits - queued(store, p, l)} of ${l.plannedUnits} ${l.serviceType.unit.toLowerCase()}(s) left, ${p.validFrom}..${p.validTo} (line ${l.key})`),
          ),
        ]),
        `${pending.length} capture(s) waiting for the next sync, ${refused.length} refused, ${store.data.uploaded.length} uploaded.`,
        ...refused.map((c) => `  refused ${c.idempotencyKey} (${c.date}, ${c.units}): ${c.refusal ? describeRefusal(c.refusal) : ''}`),
      ];
      out({ asOf: store.data.asOf, children: children.length, pending, refused, uploaded: store.data.uploaded.length }, text.join('\n'));
      return 0;
    }

    case 'retry': {
      const again = store.data.queue.filter((c) => c.status === 'refused' && (args.length === 0 || args.includes(c.idempotencyKey)));
      for (const c of again) {
        c.status = 'pending';
        delete c.refusal;
      }
      store.save();
      out({ retried: again.map((c) => c.idempotencyKey) }, `${again.length} capture(s) back in the queue, with their keys.`);
      return 0;
    }

    case 'discard': {
      const [key] = args;
      const before = store.data.queue.length;
      store.data.queue = store.data.queue.filter((c) => c.idempotencyKey !== key);
      if (store.data.queue.length === before) throw new UsageError(`no capture ${key} waits or was refused`);
      store.save();
      out({ discarded: key }, `Discarded ${key}.`);
      return 0;
    }

    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** Units captured but not yet uploaded on a line: the device counts them as used. */
function queued(store: Store, plan: OfflinePlan, line: OfflineLine): number {
  return store.data.queue.filter((c) => c.status === 'pending' && c.planId === plan.id && c.lineKey === line.key).reduce((n, c) => n + c.units, 0);
}

/** A capture checked against the package: the child, the line, the plan's period, the parent. */
function makeCapture(store: Store, who: string, which: string, opts: { date?: string | undefined; units?: string | undefined; parent?: string | undefined; note?: string | undefined }): Capture {
  const children = Object.values(store.data.children);
  if (children.length === 0) throw new UsageError('the device holds no package: sync first');
  const child =
    store.data.children[who] ??
    one(
      children.filter((c) => `${c.firstName} ${c.lastName}`.toLowerCase().includes(who.toLowerCase())),
      `child "${who}"`,
      (c: OfflineChild) => `${c.firstName} ${c.lastName} (${c.id})`,
    );
  let lines = child.plans.flatMap((plan) => plan.lines.filter((l) => l.key === which || l.serviceType.code === which.toUpperCase()).map((line) => ({ plan, line })));
  if (lines.length > 1) lines = lines.filter(({ line }) => line.recipient === (opts.parent ? 'PARENTS' : 'CHILD'));
  const { plan, line } = one(lines, `line "${which}" of ${child.firstName} ${child.lastName}`, ({ line: l }) => `${l.serviceType.code} ${l.recipient} (${l.key})`);

  const date = opts.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`the date ${date} is not yyyy-mm-dd`);
  if (date < plan.validFrom || date > plan.validTo) throw new UsageError(`the plan runs from ${plan.validFrom} to ${plan.validTo}, not on ${date}`);
  if (date > today()) throw new UsageError(`${date} is in the future`);
  const units = Number(opts.units ?? '1');
  if (!Number.isInteger(units) || units < 1) throw new UsageError(`units must be a whole number of at least 1, not ${opts.units}`);

  let parentId = opts.parent;
  if (line.recipient === 'PARENTS') {
    parentId ??= child.parents.length === 1 ? child.parents[0]?.id : undefined;
    if (!parentId || !child.parents.some((p) => p.id === parentId)) {
      throw new UsageError(`a session for the parents names one: --parent ${child.parents.map((p) => `${p.id} (${p.firstName} ${p.lastName})`).join(' or ')}`);
    }
  } else if (parentId) {
    throw new UsageError("this line is the child's: it takes no --parent");
  }
  if (units > line.remainingUnits - queued(store, plan, line)) {
    console.error(`Warning: the line had ${line.remainingUnits} ${line.serviceType.unit.toLowerCase()}(s) left as of ${store.data.asOf}, fewer than what waits: the server may refuse it.`);
  }
  const capture: Capture = {
    idempotencyKey: randomUUID(), // made once: every retry sends the same key
    childId: child.id,
    planId: plan.id,
    lineKey: line.key,
    date,
    units,
    capturedAt: new Date().toISOString(),
    status: 'pending',
  };
  if (parentId) capture.parentId = parentId;
  if (opts.note) capture.note = opts.note;
  return capture;
}

function one<T>(found: T[], what: string, describe: (t: T) => string): T {
  const [first, ...rest] = found;
  if (!first) throw new UsageError(`no ${what} in the package`);
  if (rest.length > 0) throw new UsageError(`${what} is ambiguous: ${found.map(describe).join(', ')}`);
  return first;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof UsageError ? `${err.message} (see node dist/cli.js --help)` : err);
    process.exit(2);
  },
);
