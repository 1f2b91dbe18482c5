// Registers the service worker (dist/sw.js, written by scripts/serviceWorker.ts) that keeps the
// app shell for use without a connection. Production builds only: the dev server has no sw.js,
// and a worker caching its modules would get in the way of hot reloading.
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the app works as before, only not offline: nothing to tell the user.
    });
  };
  // After the page has loaded: the worker's downloads do not compete with the first paint.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
