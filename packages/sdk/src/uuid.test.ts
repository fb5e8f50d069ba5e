import { describe, expect, it } from 'vitest';
import { uuid } from './uuid.js';

describe('uuid', () => {
  it('makes v4 UUIDs with randomUUID where it exists', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes v4 UUIDs without randomUUID, as on a plain-http page', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    const { getRandomValues } = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', {
      value: { getRandomValues: getRandomValues.bind(globalThis.crypto) },
      configurable: true,
    });
    try {
      const ids = new Set(Array.from({ length: 100 }, uuid));
      expect(ids.size).toBe(100);
      for (const id of ids) {
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    } finally {
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
  });
});
