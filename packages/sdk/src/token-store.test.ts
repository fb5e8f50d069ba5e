import { describe, expect, it } from 'vitest';
import { memoryTokenStore, webStorageTokenStore } from './token-store.js';

function fakeStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('token stores', () => {
  it('keep the session in memory until it is cleared', () => {
    const store = memoryTokenStore({ accessToken: 'at_1' });
    expect(store.get()).toEqual({ accessToken: 'at_1' });
    store.set({ accessToken: 'at_2', refreshToken: 'rt_2' });
    expect(store.get()).toEqual({ accessToken: 'at_2', refreshToken: 'rt_2' });
    store.set(null);
    expect(store.get()).toBeNull();
  });

  it('keep the session in Web Storage under a key, and remove it on logout', () => {
    const storage = fakeStorage();
    const store = webStorageTokenStore(storage, 'sesi');
    expect(store.get()).toBeNull();
    store.set({ accessToken: 'at_1', refreshToken: 'rt_1' });
    expect(JSON.parse(storage.data.get('sesi') ?? '')).toEqual({
      accessToken: 'at_1',
      refreshToken: 'rt_1',
    });
    expect(webStorageTokenStore(storage, 'sesi').get()).toEqual({
      accessToken: 'at_1',
      refreshToken: 'rt_1',
    });
    store.set(null);
    expect(storage.data.has('sesi')).toBe(false);
  });
});
