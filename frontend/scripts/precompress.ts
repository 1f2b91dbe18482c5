// Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of the build.
// The server sends them as they are to a browser that accepts the encoding (server/spa.go),
// so the strongest settings cost build time once instead of CPU on every request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Text, and fonts that are not compressed already (woff and woff2 are). Images other than
// SVG are compressed formats.
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map|ttf|otf|webmanifest|xml)$/i;

/** Every file under dir, as paths relative to it; the build's own metadata (.vite/) is left out. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((name) => !name.split(/[\\/]/).some((part) => part.startsWith('.')));
}

/** Compresses one file; a copy is written only when it is smaller than the original. */
async function compressFile(path: string): Promise<{ original: number; br?: number; gz?: number }> {
  const data = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: /\.(?:ttf|otf)$/i.test(path) ? constants.BROTLI_MODE_FONT : constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const result: { original: number; br?: number; gz?: number } = { original: data.length };
  if (br.length < data.length) {
    await writeFile(`${path}.br`, br);
    result.br = br.length;
  }
  if (gzipped.length < data.length) {
    await writeFile(`${path}.gz`, gzipped);
    result.gz = gzipped.length;
  }
  return result;
}

/** Compresses the compressible files of dir; returns how many got copies and their sizes. */
export async function precompressDir(dir: string) {
  const names = (await filesUnder(dir)).filter((name) => compressible.test(name));
  const results = await Promise.all(names.map((name) => compressFile(join(dir, name))));
  const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    files: results.filter((r) => r.br !== undefined || r.gz !== undefined).length,
    original: sum((r) => r.original),
    br: sum((r) => r.br ?? r.original),
    gz: sum((r) => r.gz ?? r.original),
  };
}

/** The Vite plugin: precompresses the output directory once the build has written it. */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atbalsts-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle(error?: Error) {
      if (error) return; // a failed build leaves nothing worth compressing
      const outDir = join(config.root, config.build.outDir);
      const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
      const r = await precompressDir(outDir);
      config.logger.info(
        `precompressed ${r.files} files: ${kb(r.original)} → brotli ${kb(r.br)}, gzip ${kb(r.gz)}`,
      );
    },
  };
}
