import { describe, expect, it } from 'vitest';
import { createFaker, loadFaker, reseededFaker } from './seed.js';
import { IDEMPOTENCY_GENERATION, Store } from './store.js';
import type { IdempotencyRecord, StoreState } from './types.js';

const emptyState = (): StoreState => ({
  format: 'bosv2-mock-state@1',
  seed: 1,
  units: {},
  users: {},
  sessions: {},
  refreshTokens: {},
  collections: {},
  loginFailures: {},
  idempotency: {},
});

const answer = (n: number): IdempotencyRecord => ({
  fingerprint: `POST /x {"n":${n}}`,
  status: 201,
  headers: {},
  body: `{"n":${n}}`,
  at: n,
});

describe('idempotency records', () => {
  it('remembers a key for at least one generation of later keys, and at most two', () => {
    const store = new Store(emptyState());
    store.rememberIdempotent('first', answer(0));
    for (let i = 1; i < IDEMPOTENCY_GENERATION; i++) store.rememberIdempotent(`k${i}`, answer(i));
    expect(store.idempotent('first')?.body).toBe('{"n":0}');
    // The next key starts a new generation; the first one is still found in the previous one.
    store.rememberIdempotent('next', answer(-1));
    expect(store.idempotent('first')?.body).toBe('{"n":0}');
    expect(Object.keys(store.state.idempotency)).toEqual(['next']);
    for (let i = 1; i < IDEMPOTENCY_GENERATION; i++) store.rememberIdempotent(`m${i}`, answer(i));
    expect(store.idempotent('first')).toBeDefined();
    // A third generation drops the first whole.
    store.rememberIdempotent('last', answer(-2));
    expect(store.idempotent('first')).toBeUndefined();
    expect(store.idempotent('next')?.body).toBe('{"n":-1}');
    const kept =
      Object.keys(store.state.idempotency).length +
      Object.keys(store.state.idempotencyPrevious ?? {}).length;
    expect(kept).toBe(IDEMPOTENCY_GENERATION + 1);
  });

  it('counts the keys of a restored state, so its generation fills where it left off', () => {
    const saved = emptyState();
    for (let i = 0; i < IDEMPOTENCY_GENERATION; i++) saved.idempotency[`s${i}`] = answer(i);
    const store = new Store(emptyState());
    store.replace(JSON.parse(JSON.stringify(saved)) as StoreState);
    expect(store.idempotent('s0')?.status).toBe(201);
    store.rememberIdempotent('after', answer(1));
    // The restored generation was full: the new key opened the next one.
    expect(Object.keys(store.state.idempotency)).toEqual(['after']);
    expect(store.idempotent('s0')?.status).toBe(201);
  });

  it('rewrites a remembered key in place without counting it again', () => {
    const store = new Store(emptyState());
    for (let i = 0; i < IDEMPOTENCY_GENERATION; i++) store.rememberIdempotent('same', answer(i));
    store.rememberIdempotent('other', answer(1));
    expect(store.state.idempotencyPrevious).toBeUndefined();
    expect(store.idempotent('same')?.at).toBe(IDEMPOTENCY_GENERATION - 1);
  });
});

describe('seeded fakers', () => {
  it('reseededFaker(seed) gives what a new faker with that seed gives, call after call', async () => {
    await loadFaker();
    const values = (f: ReturnType<typeof createFaker>) => [
      f.person.fullName(),
      f.string.uuid(),
      f.number.int(1000),
      f.location.street(),
    ];
    for (const seed of [1, 42, 7, 1]) {
      const reused = values(reseededFaker(seed));
      expect(reused).toEqual(values(createFaker(seed)));
    }
    expect(values(reseededFaker(1))).not.toEqual(values(reseededFaker(2)));
  });
});
