// Service worker (scope /door/): the app shell is served cache-first (and refreshed in the
// background, so a new release arrives on the next start); the few data GETs the app reads
// without IndexedDB are network-first with the cached copy as fallback. Everything else — scans,
// sync, the bundle (IndexedDB holds it) — goes straight to the network.
const SHELL_CACHE = 'door-shell-v1';
const DATA_CACHE = 'door-data-v1';
const SHELL = [
  '/door/', '/door/index.html', '/door/door.css', '/door/manifest.webmanifest', '/door/icon.svg',
  '/door/js/app.js', '/door/js/api.js', '/door/js/auth.js', '/door/js/board.js', '/door/js/camera.js',
  '/door/js/decoder-worker.js', '/door/js/feedback.js', '/door/js/offline.js', '/door/js/store.js',
  '/door/js/token.js', '/door/js/verdict.js', '/door/decoder/qr-decoder.js',
];
const NETWORK_FIRST = [/^\/door\/config\.json$/, /^\/api\/door\/events$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== SHELL_CACHE && k !== DATA_CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const key = request.mode === 'navigate' ? '/door/index.html' : request;
  const cached = await cache.match(key, { ignoreSearch: true });
  const fresh = fetch(request).then(response => {
    if (response.ok && request.mode !== 'navigate') cache.put(request, response.clone());
    return response;
  }).catch(() => null);
  return cached || (await fresh) || new Response('Offline', { status: 503 });
}

async function networkFirst(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (e) {
    return (await cache.match(request)) || new Response('{}', { status: 503, headers: { 'Content-Type': 'application/json' } });
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (NETWORK_FIRST.some(p => p.test(url.pathname))) {
    event.respondWith(networkFirst(event.request));
  } else if (url.pathname.startsWith('/door/') && url.pathname !== '/door/callback') {
    event.respondWith(cacheFirst(event.request));
  }
});
