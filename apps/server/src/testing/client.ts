import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

/** fetch with one cookie jar, like one browser. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      init.body = JSON.stringify(init.json);
    }
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const TRAINER = {
  username: 'rahmat',
  displayName: 'Aiptu Rahmat',
  password: 'rahasia-pelatih-123',
};

/** Makes the first trainer, logs in, creates a session; returns the trainer's browser and the session. */
export async function trainerWithSession(
  base: string,
  modules = ['dds-warga', 'deteksi-dini'],
): Promise<{ trainer: Browser; session: { id: string; joinCode: string; joinUrl: string } }> {
  const trainer = new Browser(base);
  const setup = await trainer.fetch('/api/classroom/setup', { method: 'POST', json: TRAINER });
  if (setup.status !== 201 && setup.status !== 409) throw new Error(`setup ${setup.status}`);
  const login = await trainer.fetch('/api/classroom/login', {
    method: 'POST',
    json: { username: TRAINER.username, password: TRAINER.password },
  });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  const created = await trainer.fetch('/api/classroom/sessions', {
    method: 'POST',
    json: { name: 'Pelatihan BOS V2', place: 'Aula Polres HSU', date: '2026-11-28', modules },
  });
  if (created.status !== 201) throw new Error(`session ${created.status}: ${await created.text()}`);
  return { trainer, session: await created.json() };
}

export async function join(base: string, code: string, name: string) {
  const res = await fetch(`${base}/api/classroom/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (res.status !== 201) throw new Error(`join ${res.status}: ${await res.text()}`);
  return (await res.json()) as { token: string; trainee: { id: string; name: string } };
}

export function statement(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    actor: { name: 'ignored' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: { id: 'dds-warga-1', module: 'dds-warga' },
    result: { score: { scaled: 0.5 }, mistakes: [{ field: 'description' }] },
    timestamp: new Date().toISOString(),
    ...over,
  };
}

export async function sendEvents(base: string, token: string, events: unknown) {
  const res = await fetch(`${base}/api/classroom/trainee/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(events),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Reads server-sent events from a URL until `until` returns true for one (or time runs out). */
export function readEvents(
  url: string,
  cookie: string,
  until: (event: string, data: unknown) => boolean,
  onOpen?: () => void,
  timeoutMs = 10_000,
): Promise<{ event: string; data: unknown }[]> {
  return new Promise((resolve, reject) => {
    const seen: { event: string; data: unknown }[] = [];
    const req = request(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = '';
      let opened = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          const parsed = JSON.parse(data) as unknown;
          seen.push({ event, data: parsed });
          if (!opened) {
            opened = true;
            onOpen?.();
          }
          if (until(event, parsed)) {
            clearTimeout(timer);
            req.destroy();
            resolve(seen);
            return;
          }
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(
        new Error(
          `no matching event within ${timeoutMs} ms; saw ${JSON.stringify(seen).slice(0, 500)}`,
        ),
      );
    }, timeoutMs);
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
