/**
 * A random (v4) UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost), and
 * a classroom server on a LAN address is plain http, so fall back to `getRandomValues`, which
 * works everywhere.
 */
export const uuid = (): string =>
  (globalThis.crypto as Partial<Crypto>).randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) & (15 >> (+c / 4)))).toString(16),
  );
