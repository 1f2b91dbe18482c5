// The browser tests' harness: starts the real server (the atbalsts binary with the SPA
// embedded) on a free port with a fresh data directory, drives Debian's Chromium through
// playwright-core, and checks pages with axe-core. Every e2e test file imports it from here.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How long the first start may take: the server initialises its own PostgreSQL. */
const startTimeoutMs = 60_000;
/** How long a stop may take: the server drains requests and stops PostgreSQL. */
const stopTimeoutMs = 30_000;

/** A free TCP port on the loopback interface. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `atbalsts --demo` ($ATBALSTS_BIN, or ../bin/atbalsts from frontend/) and waits until
 * GET /readyz answers 200. Without DATABASE_URL the server runs its own PostgreSQL in a fresh
 * temporary data directory, a copy of one where this binary loaded the demo today (see
 * demoTemplate); with it, that database is used. Returns the base URL, the server's recent
 * output (for failure messages) and stop().
 */
export async function startServer() {
  const bin = path.resolve(frontendDir, process.env.ATBALSTS_BIN || '../bin/atbalsts');
  if (!existsSync(bin)) {
    throw new Error(`the server binary ${bin} does not exist: build it with \`make build\` in the repository root`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atbalsts-e2e-'));
  if (!process.env.DATABASE_URL) {
    // cp -a: the cluster's files belong to the postgres user when the tests run as root.
    const template = await demoTemplate(bin);
    await run('cp', ['-a', `${template}/.`, dataDir]);
  }
  return launchServer(bin, dataDir);
}

/**
 * A data directory in which this binary loaded the demo today, stopped cleanly, made once and
 * shared by the test files (each copies it). Loading the demo takes about 25 s on a 2-core
 * machine; copying the stopped cluster well under one. The name holds the binary's size and
 * time and today's date, so a rebuilt binary or a new day (the demo's work falls due relative
 * to the day it loads) makes a new one; older ones are removed then.
 */
async function demoTemplate(bin) {
  const { size, mtimeMs } = await stat(bin);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
  const prefix = 'atbalsts-e2e-template-';
  const dir = path.join(tmpdir(), `${prefix}${size}-${Math.trunc(mtimeMs)}-${today}`);
  if (existsSync(path.join(dir, 'complete'))) return dir;

  const building = await mkdtemp(path.join(tmpdir(), 'atbalsts-e2e-building-'));
  try {
    const server = await launchServer(bin, building, { keepData: true });
    await server.stop();
  } catch (err) {
    await rm(building, { recursive: true, force: true });
    throw err;
  }
  await writeFile(path.join(building, 'complete'), '');
  for (const name of await readdir(tmpdir())) {
    if (name.startsWith(prefix)) await rm(path.join(tmpdir(), name), { recursive: true, force: true });
  }
  try {
    await rename(building, dir);
  } catch {
    // Another test process made it meanwhile: theirs serves as well.
    await rm(building, { recursive: true, force: true });
  }
  return dir;
}

/** Runs a command to its end; rejects with its output when it fails. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code}\n${stderr}`))));
  });
}

/** Starts the binary with --demo on a data directory and waits until it is ready. */
async function launchServer(bin, dataDir, { keepData = false } = {}) {
  const addr = `127.0.0.1:${await freePort()}`;
  const url = `http://${addr}`;
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 200)); // the last lines are the telling ones
  };
  const child = spawn(bin, ['--demo'], {
    // DATABASE_URL, when set in the environment, passes through with the rest.
    env: { ...process.env, ATBALSTS_ADDR: addr, ATBALSTS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exitStatus = null;
  exited.then((status) => (exitStatus = status));

  const logs = () => output.join('\n');

  async function stop() {
    if (!exitStatus) {
      child.kill('SIGTERM');
      // An unreferenced timer: a pending one would hold the test process for its whole 30 s.
      const stopped = await Promise.race([exited, sleep(stopTimeoutMs, null, { ref: false })]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
        if (!keepData) await rm(dataDir, { recursive: true, force: true });
        throw new Error(`the server did not stop within ${stopTimeoutMs / 1000} s of SIGTERM\n${logs()}`);
      }
    }
    if (!keepData) await rm(dataDir, { recursive: true, force: true });
  }

  try {
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (exitStatus) throw new Error(`the server exited during start-up (${JSON.stringify(exitStatus)})`);
      try {
        const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${startTimeoutMs / 1000} s`);
      await sleep(250);
    }
    // A binary built without `-tags embed` serves a stand-in page instead of the SPA.
    const index = await (await fetch(`${url}/`)).text();
    if (!index.includes('id="root"')) {
      throw new Error(`${bin} serves no SPA: it was built without the web app; build it with \`make build\``);
    }
  } catch (err) {
    await stop().catch(() => {});
    err.message += `\n--- server output ---\n${logs()}`;
    throw err;
  }
  return { url, logs, stop };
}

/**
 * Launches Chromium (CHROMIUM_PATH, or Debian's /usr/bin/chromium) headless with a fresh
 * profile in a temporary directory, so that no test sees another's storage. Returns the
 * browser context and close(), which also removes the profile.
 */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'atbalsts-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // The profile directory is given by launchPersistentContext (as --user-data-dir).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  async function close() {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  return { context, close };
}

/**
 * Collects what a page reports as broken: uncaught exceptions and console errors (a request
 * the server's CSP blocks shows up here). Call problems() at the end of a test.
 */
export function watchPage(page) {
  const found = [];
  page.on('pageerror', (err) => found.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') found.push(`console.error: ${msg.text()}`);
  });
  return { problems: () => found.slice() };
}

/** The WCAG 2.1 A and AA rules of axe-core. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page and throws, with a readable list, if it finds serious or critical
 * violations. `exclude` takes CSS selectors of parts to leave out (say why at the call).
 */
export async function assertAccessible(page, label, { exclude = [] } = {}) {
  // Colours are judged as they end up: a dialog still fading in (Mantine's transitions) has
  // half-transparent text that fails contrast it passes once open. Finite animations and
  // transitions are awaited (a spinner's endless one is not), at most 2 s.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    throw new Error(`axe found ${serious.length} serious or critical accessibility violation(s) on ${label}:\n\n${formatViolations(serious)}`);
  }
  return violations; // the minor and moderate ones, for a caller that wants them
}

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    ... and ${v.nodes.length - 5} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/**
 * Opens a fresh browser (no one else's session) and signs in through the sign-in page, as a
 * user would. Returns the browser (the caller closes it), the signed-in page and its watcher.
 */
export async function openSignedIn(serverUrl, email, password) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const watcher = watchPage(page);
  await page.goto(`${serverUrl}/sign-in`);
  await page.getByLabel('E-pasta adrese').fill(email);
  await page.getByLabel(/^Parole/).fill(password);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return { browser, page, watcher };
}

/**
 * The hooks of a suite of signed-in browser tests, registered in the calling describe: one
 * server (with demo data) for the suite; signedIn(who) opens a fresh browser signed in as
 * users[who] ([email, password]), closed after its test; a test fails when a page it opened
 * reported an error. Returns { url, logs(), signedIn }, usable once the suite has started.
 */
export function signedInSuite(users) {
  let server;
  const browsers = [];
  const watchers = [];
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  afterEach(async (t) => {
    while (browsers.length) await browsers.pop().close();
    const problems = watchers.splice(0).flatMap((w) => w.problems());
    assert.deepEqual(problems, [], `${t.name}: the page reported errors\n--- server output ---\n${server.logs()}`);
  });
  return {
    get url() {
      return server.url;
    },
    logs: () => server.logs(),
    async signedIn(who) {
      const { browser, page, watcher } = await openSignedIn(server.url, ...users[who]);
      browsers.push(browser);
      watchers.push(watcher);
      return page;
    },
  };
}
