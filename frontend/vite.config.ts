/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gqlDocuments } from './scripts/gqlDocuments.ts';
import { precompress } from './scripts/precompress.ts';
import { serviceWorker } from './scripts/serviceWorker.ts';

// In development the API runs separately (`make run`, or the binary on its own): the dev
// server passes /graphql on to it, so the SPA talks to the same origin as in production.
const apiTarget = process.env.ATBALSTS_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [gqlDocuments(), react(), serviceWorker(), precompress()],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // dist/.vite/manifest.json: scripts/bundle-budget.mjs follows the chunks' imports in it.
    // The server never serves it (a path with a dot-segment is refused).
    manifest: true,
    // The lazily loaded GraphiQL chunk (Monaco editor) is large by nature and loaded only on
    // /graphiql; the warning is meant for the main bundle, which stays far below this.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React Compiler output starts modules with "use no memo", which a bundle
        // cannot keep per module; it only turns off a compiler optimisation, so it is noise.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  optimizeDeps: {
    // Pre-bundled for src/pages/graphqlWorker.ts, which the dev server cannot find by itself
    // (it is reached only through a `?worker` import).
    include: ['monaco-graphql/esm/graphql.worker.js'],
  },
  worker: {
    // Monaco's workers import modules of their own: ES module workers keep them bundled as
    // one file each.
    format: 'es',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
