import { describe, expect, it } from 'vitest';
import { href, parseHash, type Route } from './router.js';

describe('router', () => {
  it('gives back every route from its own href', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'modules', role: 'citizen' },
      { name: 'scenario', role: 'bhabinkamtibmas', scenarioId: 'dds warga/1', mode: 'exam' },
      { name: 'progress' },
      { name: 'certificate' },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseHash(href(route))).toEqual(route);
  });

  it('treats an empty hash and a bare slash as home', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/')).toEqual({ name: 'home' });
  });

  it('refuses unknown roles, unknown modes and extra segments', () => {
    expect(parseHash('#/peran/admin').name).toBe('notFound');
    expect(parseHash('#/peran/citizen/x/fast').name).toBe('notFound');
    expect(parseHash('#/kemajuan/extra').name).toBe('notFound');
  });
});
