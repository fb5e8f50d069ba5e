import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageDir } from './paths.js';
import { join as joinClass, sendEvents, statement, trainerWithSession } from './testing/client.js';
import { TEST_STORES } from './testing/databases.js';
import { findPostgresBin } from './testing/postgres.js';

const cli = join(packageDir(), 'dist', 'cli.js');

function startChild(
  dataDir: string,
  databaseUrl?: string,
): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: run \`pnpm -F @bosv2/server build\` first`);
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const child = spawn(process.execPath, [cli, '--port', '0', '--data', dataDir, '--no-mock'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /READY (\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}`));
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('PostgreSQL for the tests', () => {
  it('fails with the install command when the server binaries are missing', () => {
    expect(() => findPostgresBin('/nonexistent/postgresql')).toThrow(
      /apt-get install -y postgresql/,
    );
  });
});

describe('two server processes sharing one PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await kill(child);
  });

  it('show the trainer everything, whichever process each phone reached', async () => {
    const store = TEST_STORES.find((s) => s.name === 'postgres');
    const made = await store?.create();
    if (!made?.databaseUrl) throw new Error('no postgres');
    try {
      const [a, b] = await Promise.all([
        startChild(made.dataDir, made.databaseUrl),
        startChild(`${made.dataDir}-b`, made.databaseUrl),
      ]);
      children.push(a.child, b.child);
      const { trainer, session } = await trainerWithSession(a.url);
      const budi = await joinClass(b.url, session.joinCode, 'Budi');
      await sendEvents(b.url, budi.token, [statement(), statement()]);
      await sendEvents(a.url, budi.token, [statement()]);
      for (const url of [a.url, b.url]) {
        const board = await fetch(`${url}/api/classroom/sessions/${session.id}/board`, {
          headers: { cookie: trainer.cookieHeader() },
        });
        expect(((await board.json()) as { totals: { events: number } }).totals.events).toBe(3);
      }
    } finally {
      await made.dispose();
    }
  });
});

describe('the command line', () => {
  it('adds a trainer and changes their password', async () => {
    const made = await TEST_STORES[0]?.create();
    if (!made) throw new Error('no store');
    try {
      const run = (args: string[], password: string) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, [cli, ...args, '--data', made.dataDir], {
            env: { ...process.env, BOSV2_PASSWORD: password, DATABASE_URL: '' },
          });
          let out = '';
          child.stdout.on('data', (c) => (out += c));
          child.stderr.on('data', (c) => (out += c));
          child.on('exit', (code) => resolve({ code, out }));
        });
      const added = await run(
        ['add-trainer', '--username', 'Rina', '--name', 'Bripka Rina'],
        'kata-sandi-rina-1',
      );
      expect(added).toMatchObject({ code: 0 });
      expect(
        (await run(['add-trainer', '--username', 'rina', '--name', 'X'], 'kata-sandi-rina-1')).code,
      ).toBe(1);
      expect((await run(['add-trainer', '--username', 'short', '--name', 'X'], 'short')).code).toBe(
        2,
      );
      expect((await run(['set-password', '--username', 'rina'], 'kata-sandi-baru-2')).code).toBe(0);
      expect((await run(['set-password', '--username', 'nobody'], 'kata-sandi-baru-2')).code).toBe(
        1,
      );
      const server = await startChild(made.dataDir);
      try {
        const login = (password: string) =>
          fetch(`${server.url}/api/classroom/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'rina', password }),
          });
        expect((await login('kata-sandi-rina-1')).status).toBe(401);
        expect((await login('kata-sandi-baru-2')).status).toBe(200);
      } finally {
        await kill(server.child);
      }
    } finally {
      await made.dispose();
    }
  });
});

describe.each(TEST_STORES)('a server on $name killed mid-session', (store) => {
  const children: ChildProcess[] = [];
  let dispose: (() => Promise<void>) | undefined;

  afterEach(async () => {
    for (const child of children.splice(0)) await kill(child);
    await dispose?.();
  });

  it('loses no acknowledged event and no trainee, and takes the retried rest exactly once', async () => {
    const made = await store.create();
    dispose = made.dispose;
    const first = await startChild(made.dataDir, made.databaseUrl);
    children.push(first.child);
    const { trainer, session } = await trainerWithSession(first.url);
    const budi = await joinClass(first.url, session.joinCode, 'Budi');
    const siti = await joinClass(first.url, session.joinCode, 'Siti');
    const outbox = new Map<string, { token: string; events: ReturnType<typeof statement>[] }>();
    const acked = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const who = i % 2 ? budi : siti;
      const events = [statement(), statement({ verb: 'completed', result: { success: true } })];
      outbox.set(`${i}`, { token: who.token, events });
    }
    const batches = [...outbox.values()];
    for (const batch of batches.slice(0, 10)) {
      const res = await sendEvents(first.url, batch.token, batch.events);
      expect(res.status).toBe(200);
      for (const e of batch.events) acked.add(e.id);
    }
    // The rest go out at once; the server dies as soon as the first of them is acknowledged.
    let killed: Promise<void> | undefined;
    await Promise.allSettled(
      batches.slice(10).map(async (batch) => {
        const res = await sendEvents(first.url, batch.token, batch.events);
        if (res.status === 200) for (const e of batch.events) acked.add(e.id);
        killed ??= kill(first.child);
      }),
    );
    await killed;

    const second = await startChild(made.dataDir, made.databaseUrl);
    children.push(second.child);
    const afterCrash = await fetch(`${second.url}/api/classroom/sessions/${session.id}/board`, {
      headers: { cookie: trainer.cookieHeader() },
    });
    expect(afterCrash.status).toBe(200);
    const board = (await afterCrash.json()) as { totals: { events: number; trainees: number } };
    expect(board.totals.trainees).toBe(2);
    expect(board.totals.events).toBeGreaterThanOrEqual(acked.size);
    expect(acked.size).toBeGreaterThanOrEqual(22);

    // Every acknowledged event is there: delivering it again adds nothing.
    for (const batch of batches.filter((b) => b.events.every((e) => acked.has(e.id)))) {
      const res = await sendEvents(second.url, batch.token, batch.events);
      expect(res.body).toMatchObject({ accepted: 0, duplicates: batch.events.length });
    }
    // The outbox delivers everything again (it cannot know what arrived): counted once.
    for (const batch of batches) {
      const res = await sendEvents(second.url, batch.token, batch.events);
      expect(res.status).toBe(200);
    }
    const final = (await (
      await fetch(`${second.url}/api/classroom/sessions/${session.id}/board`, {
        headers: { cookie: trainer.cookieHeader() },
      })
    ).json()) as { totals: { events: number } };
    expect(final.totals.events).toBe(60);
    const csv = await (
      await fetch(`${second.url}/api/classroom/sessions/${session.id}/export.csv`, {
        headers: { cookie: trainer.cookieHeader() },
      })
    ).text();
    expect(csv).toContain(budi.trainee.id);
    expect(csv).toContain(siti.trainee.id);
  });
});
