// The site's service worker: the pages a reader has opened, their photos, and the home page stay
// readable without network; a page never opened shows the offline note. Made by each build:
// VERSION is a digest of the files kept at install (PRECACHE), so a build that changes one of them
// installs a new worker, which drops the caches of the old one.
//
// Online, a page and its stylesheet always come from the network (a new build is seen at once); the
// caches answer only when the network fails. Photos come from the cache first: a photo's name changes
// with its bytes. A response the server marks `no-store` is never kept (the preview of `serve` marks
// every one so: editors' drafts stay out of their browser's caches).
const VERSION = "f24f5a82726cb9c8";
const BASE = "/revue/";
const PREFIX = `revue:${BASE}:`; // one origin may serve several sites (GitHub Pages project sites)
const SHELL = `${PREFIX}${VERSION}`; // kept at install, replaced with each version
const PAGES = `${PREFIX}pages`; // pages and files opened, read only without network
const PHOTOS = `${PREFIX}photos`;
const MOST = { [PAGES]: 60, [PHOTOS]: 200 }; // the oldest go first beyond this
const OFFLINE = "/revue/hors-ligne/";
const PRECACHE = ["/revue/", "/revue/hors-ligne/", "/revue/assets/style.css", "/revue/assets/favicon.svg", "/revue/assets/icon-192.png", "/revue/manifest.webmanifest"];

function keepable(response) {
  return response.ok && response.type === "basic" && !/no-store/i.test(response.headers.get("Cache-Control") || "");
}

async function keep(name, request, response) {
  if (!keepable(response)) return response.body?.cancel(); // a body left unread holds its connection
  const cache = await caches.open(name);
  await cache.put(request, response);
  const keys = await cache.keys(); // oldest first: a key put again moves to the end
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MOST[name])).map((key) => cache.delete(key)));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    for (const url of PRECACHE) {
      const response = await fetch(url, { cache: "reload" }); // from the server, never an older copy
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await (keepable(response) ? cache.put(url, response) : response.body?.cancel());
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && ![SHELL, PAGES, PHOTOS].includes(name));
    await Promise.all(old.map((name) => caches.delete(name)));
    // The page that installed the worker came before it: it is kept too.
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    await Promise.all(open.filter((client) => client.url.startsWith(self.registration.scope)).map(async (client) => {
      const url = client.url.split("#")[0];
      try { await keep(PAGES, url, await fetch(url)); } catch { /* offline already: nothing to keep */ }
    }));
  })());
});

async function fromNetwork(event, name) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(name, event.request, response.clone()));
    return response;
  } catch (error) {
    const kept = await caches.match(event.request) || await caches.match(event.request, { ignoreSearch: true });
    if (kept) return kept;
    if (event.request.mode === "navigate") return (await caches.match(OFFLINE)) || Response.error();
    throw error;
  }
}

async function fromCache(event, name) {
  const kept = await caches.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  event.waitUntil(keep(name, event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const path = url.pathname.slice(BASE.length);
  if (path.startsWith("photos/")) event.respondWith(fromCache(event, PHOTOS));
  else if (request.mode === "navigate" || path.startsWith("assets/")) event.respondWith(fromNetwork(event, PAGES));
});
