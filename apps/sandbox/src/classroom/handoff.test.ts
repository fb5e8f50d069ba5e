import { describe, expect, test } from 'vitest';
import { clearHandoff, drillOf, HANDOFF_KEY, readHandoff } from './handoff.js';

const storage = (value: unknown) => {
  const map = new Map<string, string>();
  if (value !== undefined)
    map.set(HANDOFF_KEY, typeof value === 'string' ? value : JSON.stringify(value));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    removeItem: (k: string) => void map.delete(k),
    map,
  };
};

const good = {
  token: 'tok-123',
  traineeId: 't-1',
  name: 'Bripka Contoh',
  sessionId: 's-1',
  sessionName: 'Pelatihan Amuntai',
  modules: ['dds-warga', 42, 'daily-report'],
  eventsUrl: '/api/classroom/trainee/events',
};

describe('the classroom hand-off', () => {
  test('is read from the join page’s value, keeping only string modules', () => {
    expect(readHandoff(storage(good))).toEqual({ ...good, modules: ['dds-warga', 'daily-report'] });
  });

  test('is null when absent, not JSON, or missing the token or session', () => {
    expect(readHandoff(storage(undefined))).toBeNull();
    expect(readHandoff(storage('{nope'))).toBeNull();
    expect(readHandoff(storage({ ...good, token: '' }))).toBeNull();
    expect(readHandoff(storage({ ...good, sessionId: 7 }))).toBeNull();
  });

  test('refuses an events address on another host', () => {
    expect(readHandoff(storage({ ...good, eventsUrl: 'https://elsewhere.example/x' }))).toBeNull();
    expect(readHandoff(storage({ ...good, eventsUrl: '//elsewhere.example/x' }))).toBeNull();
  });

  test('is forgotten by clearHandoff', () => {
    const s = storage(good);
    clearHandoff(s);
    expect(readHandoff(s)).toBeNull();
  });

  test('maps the server’s drills to the sandbox’s', () => {
    expect(['NONE', 'OFFLINE', 'SERVER_ERROR', 'SLOW', 'weird'].map(drillOf)).toEqual([
      'normal',
      'offline',
      'server-error',
      'slow',
      'normal',
    ]);
  });
});
