import { describe, expect, it } from 'vitest';
import { wita, witaDate } from './sampler.js';

describe('WITA timestamps', () => {
  it('formats RFC 3339 with +08:00, crossing the date line of WITA', () => {
    expect(wita(new Date('2026-11-28T15:59:59.900Z'))).toBe('2026-11-28T23:59:59+08:00');
    expect(wita(new Date('2026-11-28T16:00:00.100Z'))).toBe('2026-11-29T00:00:00+08:00');
    expect(witaDate(new Date('2026-11-28T16:00:00.100Z'))).toBe('2026-11-29');
  });

  it('gives each second its own stamp (the last one is reused only within its second)', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const seen = new Set<string>();
    for (let ms = 0; ms < 5000; ms += 250) seen.add(wita(new Date(base + ms)));
    expect([...seen]).toEqual([
      '2026-01-01T08:00:00+08:00',
      '2026-01-01T08:00:01+08:00',
      '2026-01-01T08:00:02+08:00',
      '2026-01-01T08:00:03+08:00',
      '2026-01-01T08:00:04+08:00',
    ]);
    // Going back in time is not served from the cache either.
    expect(wita(new Date(base - 1))).toBe('2026-01-01T07:59:59+08:00');
    expect(wita(new Date(base + 4999))).toBe('2026-01-01T08:00:04+08:00');
  });
});
