// Makes the built app installable and usable offline: writes dist/sw.js (scripts/sw-template.js
// with the list of the app shell's files and a version made from them) and the PNG icons the
// web app manifest (public/manifest.webmanifest) names, drawn here from the favicon's shape
// so that no image tool is needed.
//
// The app shell is every script and stylesheet the app can load, reached from the entry through
// static and dynamic imports, except those only the GraphiQL console needs (its Monaco editor
// is several megabytes, and a console is no use offline), plus index.html and the public files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin, ResolvedConfig } from 'vite';

/** Modules whose chunks (and what only they import) stay out of the precache. */
const notOffline = /\/src\/pages\/GraphiQLPage\.tsx$/;

/** The icons of the manifest: name, size, and whether it is the maskable variant. */
export const icons = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/maskable-512.png', size: 512, maskable: true },
] as const;

/** The files of the shell in the bundle: chunks reachable from the entries, with their CSS and assets. */
export function shellFiles(bundle: OutputBundle): string[] {
  const chunks = new Map<string, OutputChunk>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = chunks.get(name);
    if (!chunk) return;
    if (chunk.facadeModuleId && notOffline.test(chunk.facadeModuleId)) return;
    files.add(chunk.fileName);
    const meta = (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
    meta?.importedCss.forEach((f) => files.add(f));
    meta?.importedAssets.forEach((f) => files.add(f));
    chunk.imports.forEach(visit);
    chunk.dynamicImports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...files].sort();
}

/** Every file of a directory, as paths relative to it (hidden ones left out). */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((name) => !name.split('/').some((part) => part.startsWith('.')));
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atbalsts-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      for (const icon of icons) {
        this.emitFile({ type: 'asset', fileName: icon.file, source: iconPng(icon.size, icon.maskable) });
      }
      const publicFiles = config.publicDir ? filesUnder(config.publicDir) : [];
      const precache = [
        '/index.html',
        ...publicFiles.map((f) => `/${f}`),
        ...icons.map((i) => `/${i.file}`),
        ...shellFiles(bundle).map((f) => `/${f}`),
      ];
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      // The version changes with any file of the shell (their names carry content hashes),
      // with the public files' contents and with the worker itself.
      const hash = createHash('sha256').update(template).update(JSON.stringify(precache));
      for (const f of publicFiles) hash.update(readFileSync(join(config.publicDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const source = template.replace("'__ATBALSTS_SW_VERSION__'", JSON.stringify(version)).replace('__ATBALSTS_SW_PRECACHE__', JSON.stringify(precache, null, 2));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// --- The icons: the favicon's white "A" on the theme's blue, drawn pixel by pixel. ---

/** Blue 9 of the theme (#1864ab): white on it has a contrast of 6.1:1. */
const blue = [0x18, 0x64, 0xab];

/** The distance from point p to the segment a-b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The favicon (a 32×32 drawing: a rounded square, the "A" as strokes 3 wide with round ends)
 * at `size` pixels, 4×4 samples a pixel. The maskable variant fills the whole square (the
 * platform cuts its own shape) and keeps the letter inside the middle 60 %, its safe zone.
 */
export function iconPixels(size: number, maskable: boolean): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const strokes: [number, number, number, number][] = [
    [9, 24, 16, 7],
    [16, 7, 23, 24],
    [11.5, 18, 20.5, 18],
  ];
  // The letter is drawn in a 32-unit box; the maskable one in its middle 60 % (with margins).
  const letterScale = maskable ? 0.75 : 1;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = ((x + (sx + 0.5) / samples) / size) * 32;
          const v = ((y + (sy + 0.5) / samples) / size) * 32;
          if (!maskable && !insideRoundedSquare(u, v, 32, 6)) continue;
          inside++;
          const lu = 16 + (u - 16) / letterScale;
          const lv = 15.5 + (v - (maskable ? 16 : 15.5)) / letterScale; // the maskable letter centred
          if (strokes.some(([ax, ay, bx, by]) => segmentDistance(lu, lv, ax, ay, bx, by) <= 1.5)) white++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const w = inside ? white / inside : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(blue[c] * (1 - w) + 255 * w);
      rgba[i + 3] = Math.round((inside / n) * 255);
    }
  }
  return rgba;
}

function insideRoundedSquare(u: number, v: number, side: number, r: number): boolean {
  const cx = Math.max(r, Math.min(side - r, u));
  const cy = Math.max(r, Math.min(side - r, v));
  return Math.hypot(u - cx, v - cy) <= r;
}

/** A PNG file (8-bit RGBA, no interlace) of pixels. */
export function encodePng(size: number, rgba: Uint8Array): Uint8Array {
  // Each row starts with filter type 0 (none).
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filters, no interlace
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (the polynomial of PNG and zlib). */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An icon as a PNG file. */
export function iconPng(size: number, maskable: boolean): Uint8Array {
  return encodePng(size, iconPixels(size, maskable));
}
