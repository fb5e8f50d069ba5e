import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The CLI is tested as users run it: the built bin (turbo builds before testing).
const cli = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');
const running: ChildProcess[] = [];

function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  child.stdout?.on('data', (c) => (out += c));
  child.stderr?.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 15_000);
    child.stdout?.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string, output: () => out });
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${out}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });

afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('the bosv2-mock CLI', () => {
  it('serves on 127.0.0.1, logs requests, and sends CORS headers', async () => {
    expect(existsSync(cli), 'build the package first').toBe(true);
    const { child, url, output } = await start(['--seed', '3']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    const res = await fetch(`${url}/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const preflight = await fetch(`${url}/activities`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('prefer');
    expect(output()).toContain('GET /api/v2/health → 200');
    expect(await stop(child, 'SIGINT')).toBe(0);
  });

  it('saves the state on SIGTERM and restores it on the next start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bosv2-cli-')), 'state.json');
    const first = await start(['--state', file, '--quiet']);
    const login = await fetch(`${first.url}/auth/citizen-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'siti.aminah@contoh.id', password: 'rahasia-siti-2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${first.url}/citizen-reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'idempotency-key': 'cli-1',
      },
      body: JSON.stringify({
        title: 'Pencurian kerbau rawa',
        category: 'PENCURIAN',
        description:
          'Dua ekor kerbau rawa milik warga hilang dari kandang di pinggir sungai pada Selasa malam.',
        location: { desaCode: '63.08.05.1002' },
      }),
    });
    const { id } = (await created.json()) as { id: string };
    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    expect(existsSync(file)).toBe(true);

    const second = await start(['--state', file, '--quiet']);
    const again = await fetch(`${second.url}/citizen-reports/${id}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { title: string }).title).toBe('Pencurian kerbau rawa');
    await stop(second.child, 'SIGTERM');
  });

  it('refuses a damaged --state file with a plain message, and leaves the file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bosv2-cli-'));
    for (const text of ['{"format": "bosv2-mock-state@1", "seed": 1', '{"format": "other"}']) {
      const file = join(dir, 'state.json');
      writeFileSync(file, text);
      const child = spawn(process.execPath, [cli, '--port', '0', '--state', file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.push(child);
      let err = '';
      child.stderr?.on('data', (c) => (err += c));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(err).toContain(`--state ${file}:`);
      expect(err).not.toContain('    at '); // a message, not a stack trace
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });

  it('applies --faults to every request', async () => {
    const { child, url } = await start(['--faults', '5xx=502', '--quiet']);
    expect((await fetch(`${url}/health`)).status).toBe(502);
    await stop(child, 'SIGTERM');
  });
});
