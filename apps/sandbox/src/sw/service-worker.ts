/// <reference lib="webworker" />
// The sandbox's only service worker. It caches the app shell (every file of the build, listed by
// the build in PRECACHE) so that every screen works with no network after the first visit,
// reloads included. The simulated BOS V2 server runs inside the page (an injected fetch), so no
// msw worker competes for this scope and the API never goes through here.
// See docs/decisions/0004-sandbox-service-worker.md.

const sw = self as unknown as ServiceWorkerGlobalScope;
/** Replaced by the build with the JSON list of files, relative to the worker's scope. */
declare const __PRECACHE__: { version: string; files: string[] };

const manifest = __PRECACHE__;
const CACHE = `latihan-bos-v2-${manifest.version}`;
const SHELL = new URL('./index.html', sw.registration.scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so a new version never stores an old file.
      await cache.addAll(
        manifest.files.map(
          (file) => new Request(new URL(file, sw.registration.scope), { cache: 'reload' }),
        ),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('latihan-bos-v2-') && name !== CACHE) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  // The classroom server's API (progress, the trainer's drills) is live data: never cached.
  if (url.pathname.startsWith('/api/')) return;
  // The shell for every navigation: the app routes by hash, so one page serves every screen.
  if (request.mode === 'navigate') {
    event.respondWith(fromCache(SHELL, request));
    return;
  }
  event.respondWith(fromCache(request, request));
});

/** Cache first (a bad network must not slow the shell down), then the network. */
async function fromCache(key: RequestInfo, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
