import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, SPEC_PATH, startFixtureServer } from '../test/fixtures/server.js';
import { main, parseCli } from './cli.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

const creds = Object.entries(CREDENTIALS).flatMap(([role, c]) => [
  '--credentials',
  `${role}=${c.username}:${c.password}`,
]);

describe('bosv2-contract-test', () => {
  it('parses every option', () => {
    const { options, junit } = parseCli([
      '--base-url',
      'http://h/api/v2',
      '--token',
      'T',
      '--token',
      'supervisor=S',
      '--seed',
      '3',
      '--operations',
      'a,b',
      '--checks',
      'ignored_auth',
      '--max-examples',
      '5',
      '--max-response-time',
      '200',
      '--junit',
      'j.xml',
    ]);
    expect(options).toMatchObject({
      baseUrl: 'http://h/api/v2',
      token: 'T',
      tokens: { supervisor: 'S' },
      seed: 3,
      operations: ['a', 'b'],
      checks: ['ignored_auth'],
      maxExamples: 5,
      maxResponseTimeMs: 200,
    });
    expect(junit).toBe('j.xml');
  });

  it('exits 2 with the usage when --base-url is missing or a check is unknown', async () => {
    const err = sink();
    expect(await main([], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('--base-url wajib diisi');
    expect(
      await main(['--base-url', 'http://h', '--checks', 'nope'], sink().stream, sink().stream),
    ).toBe(2);
  });

  it('exits 0 on a correct server and writes JUnit, HTML and JSON', async () => {
    const server = await startFixtureServer();
    const dir = mkdtempSync(join(tmpdir(), 'bosv2-ct-'));
    const out = sink();
    try {
      const code = await main(
        [
          '--base-url',
          server.baseUrl,
          '--spec',
          SPEC_PATH,
          ...creds,
          '--seed',
          '1',
          '--max-examples',
          '10',
          '--junit',
          join(dir, 'r.xml'),
          '--html',
          join(dir, 'r.html'),
          '--json',
          join(dir, 'r.json'),
        ],
        out.stream,
        sink().stream,
      );
      expect(out.text()).toContain('LULUS / PASSED');
      expect(code).toBe(0);
      expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toContain(
        '<testsuite name="lifecycle_order"',
      );
      expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('LULUS / PASSED');
      expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).ok).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('exits 1 on a broken server and prints operation, check, seed and curl', async () => {
    const server = await startFixtureServer({ defect: 'use_after_free' });
    const out = sink();
    const err = sink();
    try {
      const code = await main(
        [
          '--base-url',
          server.baseUrl,
          '--spec',
          SPEC_PATH,
          ...creds,
          '--seed',
          '5',
          '--max-examples',
          '5',
          '--checks',
          'use_after_free',
        ],
        out.stream,
        err.stream,
      );
      expect(code).toBe(1);
      expect(out.text()).toMatch(
        /✗ use_after_free · getPatrol \(GET \/patrols\/\{patrolId\}\) · role bhabinkamtibmas · seed 5/,
      );
      expect(out.text()).toMatch(
        /curl -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/api\/v2\/patrols\/[0-9a-f-]{36}'/,
      );
      expect(err.text()).toContain('» stateful');
    } finally {
      await server.close();
    }
  });
});
