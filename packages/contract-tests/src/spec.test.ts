import { describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../test/fixtures/server.js';
import { findLoginOperations, parseCredential } from './auth.js';
import { listOperations, loadSpec } from './spec.js';
import { findResources } from './stateful.js';

describe('reading a contract', () => {
  it('lists operations with path-level parameters, roles and public flags resolved', async () => {
    const ops = listOperations(await loadSpec({ spec: SPEC_PATH }));
    const replace = ops.find((o) => o.operationId === 'replacePatrol');
    expect(replace?.parameters.map((p) => `${p.in}:${p.name}:${p.required}`).sort()).toEqual([
      'header:If-Match:true',
      'path:patrolId:true',
    ]);
    expect(replace?.roles).toEqual(['bhabinkamtibmas']);
    expect(ops.find((o) => o.operationId === 'getHealth')?.public).toBe(true);
    expect(ops.find((o) => o.operationId === 'listPatrols')?.public).toBe(false);
    expect(replace?.responses.find((r) => r.status === '200')?.headers.map((h) => h.name)).toEqual([
      'ETag',
    ]);
  });

  it('finds resources, their item operations and lifecycle actions from the paths', async () => {
    const [patrols] = findResources(listOperations(await loadSpec({ spec: SPEC_PATH })));
    expect(patrols?.create.operationId).toBe('createPatrol');
    expect(patrols?.idParam).toBe('patrolId');
    expect([
      patrols?.read?.operationId,
      patrols?.replace?.operationId,
      patrols?.remove?.operationId,
    ]).toEqual(['getPatrol', 'replacePatrol', 'deletePatrol']);
    expect([...(patrols?.actions.keys() ?? [])].sort()).toEqual(['review', 'submit']);
  });

  it('loads the BOS V2 contract by default and finds its login operations', async () => {
    const doc = await loadSpec();
    const ops = listOperations(doc);
    expect(ops.find((o) => o.operationId === 'getHealth')).toBeDefined();
    const logins = findLoginOperations(doc, ops).map((o) => o.operationId);
    expect(logins).toContain('officerLogin');
    expect(logins).toContain('citizenLogin');
    expect(logins).not.toContain('citizenRegister');
  });

  it('parses role credentials, allowing colons in the password', () => {
    expect(parseCredential('supervisor=75030001:a:b')).toEqual([
      'supervisor',
      { username: '75030001', password: 'a:b' },
    ]);
    expect(() => parseCredential('supervisor')).toThrow(/role=user:pass/);
  });
});
