#!/usr/bin/env node
// The first-load budget: the JavaScript a browser must fetch before the app shows any page
// stays within 250 kB gzipped (1 kB = 1000 bytes, as Vite reports sizes).
//
// It measures the built app in dist/: the scripts index.html loads (its module script and
// modulepreload links) and every chunk they import statically (the Vite manifest's `imports`),
// and, for each page that routes.tsx loads lazily, the same plus the page's chunk and its
// static imports: opening the app on that page's address costs that much. It prints the
// figures and exits with 1 when one of them is over budget. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const BUDGET = 250_000;

// Pages outside the budget, with the reason. GraphiQL's editor (Monaco) alone is several
// times the budget; it is a developer's console that nobody opens the app on by accident.
const EXEMPT = new Map([['src/pages/GraphiQLPage.tsx', 'developer console with the Monaco editor']]);

const dist = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const gzipped = new Map();
/** The gzipped size of a file of dist (level 9, as the precompressed copies the server sends). */
function gzipSize(file) {
  if (!gzipped.has(file)) {
    gzipped.set(file, gzipSync(readFileSync(join(dist, file)), { level: constants.Z_BEST_COMPRESSION }).length);
  }
  return gzipped.get(file);
}

/** The JavaScript files of the manifest's chunks and everything they import statically. */
function staticClosure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return { files, keys: seen };
}

// What index.html loads by itself: read from the HTML, so that nothing the build adds to it
// (a preload, a second script) escapes the count.
const fromHtml = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
  .map(([tag]) => tag)
  .filter((tag) => /type="module"/.test(tag) || /rel="modulepreload"/.test(tag))
  .map((tag) => /(?:src|href)="\/?([^"]+)"/.exec(tag)?.[1])
  .filter((file) => file?.endsWith('.js'));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0 || fromHtml.length === 0) {
  console.error('bundle budget: no entry chunk found in dist/index.html and the manifest: was the app built?');
  process.exit(1);
}
const initial = staticClosure(entries);
fromHtml.forEach((file) => initial.files.add(file));

const total = (files) => [...files].reduce((sum, file) => sum + gzipSize(file), 0);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

// The lazily loaded pages: the source modules that the initial chunks import dynamically.
const pages = [...new Set([...initial.keys].flatMap((key) => manifest[key].dynamicImports ?? []))]
  .filter((key) => key.startsWith('src/'))
  .sort();

const initialSize = total(initial.files);
let over = initialSize > BUDGET;
console.log(`bundle budget: first-load JavaScript, gzipped, budget ${kB(BUDGET)}`);
console.log(`  ${kB(initialSize).padStart(9)}  app shell (index.html and its static imports, ${initial.files.size} files)`);
for (const page of pages) {
  const size = total(new Set([...initial.files, ...staticClosure([page]).files]));
  const exempt = EXEMPT.get(page);
  const mark = exempt ? `  (exempt: ${exempt})` : size > BUDGET ? '  OVER BUDGET' : '';
  if (!exempt && size > BUDGET) over = true;
  console.log(`  ${kB(size).padStart(9)}  opened on ${page}${mark}`);
}
if (over) {
  console.error(`bundle budget: over ${kB(BUDGET)}; split the page or the shell further (routes.tsx)`);
  process.exit(1);
}
