import { useSyncExternalStore } from 'react';

// A hash router of our own: the app is one cached page (offline), so every screen lives in the
// hash and a reload of any screen is served by the service worker's copy of index.html.

export const ROLES = ['bhabinkamtibmas', 'supervisor', 'citizen', 'trainer'] as const;
export type Role = (typeof ROLES)[number];
export const MODES = ['guided', 'practice', 'exam'] as const;
export type Mode = (typeof MODES)[number];

export type Route =
  | { name: 'home' }
  | { name: 'modules'; role: Role }
  | { name: 'scenario'; scenarioId: string; mode: Mode; role: Role }
  | { name: 'progress' }
  | { name: 'certificate' }
  | { name: 'settings' }
  | { name: 'notFound'; path: string };

const isRole = (value: string | undefined): value is Role =>
  (ROLES as readonly string[]).includes(value ?? '');
const isMode = (value: string | undefined): value is Mode =>
  (MODES as readonly string[]).includes(value ?? '');

/** Reads a route from `location.hash` (`#/peran/bhabinkamtibmas`, `#/latihan/dds-1/exam`…). */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  const parts = path.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  const [head, a, b, c] = parts;
  if (path === '') return { name: 'home' };
  if (head === 'peran' && isRole(a) && parts.length === 2) return { name: 'modules', role: a };
  if (head === 'peran' && isRole(a) && b && isMode(c) && parts.length === 4) {
    return { name: 'scenario', role: a, scenarioId: b, mode: c };
  }
  if (head === 'kemajuan' && parts.length === 1) return { name: 'progress' };
  if (head === 'sertifikat' && parts.length === 1) return { name: 'certificate' };
  if (head === 'pengaturan' && parts.length === 1) return { name: 'settings' };
  return { name: 'notFound', path };
}

/** The `href` of a route; `parseHash(href(route))` gives the route back. */
export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'modules':
      return `#/peran/${route.role}`;
    case 'scenario':
      return `#/peran/${route.role}/${encodeURIComponent(route.scenarioId)}/${route.mode}`;
    case 'progress':
      return '#/kemajuan';
    case 'certificate':
      return '#/sertifikat';
    case 'settings':
      return '#/pengaturan';
    case 'notFound':
      return `#/${route.path}`;
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => location.hash,
    () => '',
  );
  return parseHash(hash);
}
