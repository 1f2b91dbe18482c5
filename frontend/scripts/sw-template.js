// The service worker of the Atbalsts web app (the build writes it as dist/sw.js, see
// serviceWorker.ts, with the app shell's files and a version in place of the two markers).
//
// What it does, and only that:
// - install: caches the app shell (index.html, the built scripts and styles, the translations,
//   the icons and the manifest) in a cache named after this version;
// - activate: deletes the caches of older versions, and takes control of open pages;
// - navigations: asks the network first and answers from the cached index.html only when the
//   network fails (offline), so that a connected user always gets the current release;
// - the shell's files: from the cache (their names carry a content hash), else the network.
// Nothing else is touched: the API (/graphql), the downloads (/exports) and every other answer
// of the server go to the network as if there were no worker, and are never stored: they hold
// personal data.

const VERSION = '__ATBALSTS_SW_VERSION__';
const PRECACHE = __ATBALSTS_SW_PRECACHE__;
const CACHE = `atbalsts-shell-${VERSION}`;
const CACHE_PREFIX = 'atbalsts-shell-';

/** Paths of the server's own answers: never served from or stored in a cache, not even as a navigation. */
const SERVER_PATHS = ['/graphql', '/exports/', '/auth/', '/healthz', '/readyz', '/metrics', '/debug/'];

const shell = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: 'reload': past the browser's HTTP cache, so that what is stored is this release.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload', credentials: 'same-origin' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      // The first installation takes over the page that registered it (so that the page
      // works offline without a reload); a new version waits until the old one's pages close,
      // as the browser does by default, and the pages meanwhile get the new release from the
      // network (navigations go to the network first).
      await self.clients.claim();
    })(),
  );
});

/** Whether a path is one of SERVER_PATHS or under it (/graphql, /graphql/schema.graphql, /exports/...). */
function isServerPath(pathname) {
  return SERVER_PATHS.some((p) => {
    const base = p.endsWith('/') ? p.slice(0, -1) : p;
    return pathname === base || pathname.startsWith(`${base}/`);
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isServerPath(url.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => {
        const cached = await caches.match('/index.html', { cacheName: CACHE });
        return cached ?? Response.error();
      }),
    );
    return;
  }
  if (shell.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)));
  }
});
