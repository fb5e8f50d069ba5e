import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './app.js';
import { HttpProblem } from './http.js';
import { hashPassword } from './security.js';
import { openRepository } from './store/index.js';
import { parseNewTrainer } from './validate.js';

const HELP = `bosv2-server: BOS V2 Kit classroom server / server kelas

Usage:
  bosv2-server [--host 127.0.0.1] [--lan] [--port 4010] [--data DIR] [--public-url URL]
  bosv2-server add-trainer --username NAME --name "Display Name"   (password from BOSV2_PASSWORD or stdin)
  bosv2-server set-password --username NAME                         (likewise; ends that trainer's logins)

  --host         address to listen on (default 127.0.0.1: this computer only)
  --lan          listen on every network (0.0.0.0) so phones in the hall can join
  --port         port (default 4010; 0 picks a free one)
  --data         directory for the SQLite file (default ./data)
  --public-url   the address phones use, for QR codes (default: guessed)
  --no-mock      do not serve the mock API under /api/v2
  --join-limit   join attempts per phone address per minute (default 60)
  --stuck-after  minutes without progress before a trainee shows as stuck (default 5)
Environment: DATABASE_URL=postgres://... uses PostgreSQL instead of SQLite; HOST, PORT.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      lan: { type: 'boolean', default: false },
      port: { type: 'string' },
      data: { type: 'string' },
      'public-url': { type: 'string' },
      'stuck-after': { type: 'string' },
      'no-mock': { type: 'boolean', default: false },
      'join-limit': { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const dataDir = resolve(values.data ?? process.env.BOSV2_DATA ?? 'data');
  const databaseUrl = process.env.DATABASE_URL || undefined;

  if (positionals[0] === 'set-password') {
    const password = process.env.BOSV2_PASSWORD ?? (await readStdin());
    const username = (values.username ?? '').toLowerCase();
    if (!username || password.length < 10 || password.length > 256) {
      console.error(
        '--username dan kata sandi 10-256 karakter / --username and a 10-256 character password',
      );
      process.exit(2);
    }
    const repo = await openRepository({ dataDir, databaseUrl });
    const changed = await repo.setPasswordHash(username, await hashPassword(password));
    await repo.close();
    if (!changed) {
      console.error(`Tidak ada pelatih / no trainer: ${username}`);
      process.exit(1);
    }
    console.log(`Kata sandi diganti / password changed: ${username}`);
    return;
  }

  if (positionals[0] === 'add-trainer') {
    const password = process.env.BOSV2_PASSWORD ?? (await readStdin());
    let input: ReturnType<typeof parseNewTrainer>;
    try {
      input = parseNewTrainer({ username: values.username, displayName: values.name, password });
    } catch (error) {
      const errors = error instanceof HttpProblem ? error.errors : undefined;
      console.error(errors?.map((e) => `${e.field}: ${e.message}`).join('\n') ?? String(error));
      process.exit(2);
    }
    const repo = await openRepository({ dataDir, databaseUrl });
    const result = await repo.createTrainer({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    });
    await repo.close();
    if (result === 'username-taken') {
      console.error(`Nama pengguna sudah dipakai / username taken: ${input.username}`);
      process.exit(1);
    }
    console.log(`Akun pelatih dibuat / trainer account created: ${input.username}`);
    return;
  }
  if (positionals.length > 0) {
    console.error(`Perintah tidak dikenal / unknown command: ${positionals[0]}\n\n${HELP}`);
    process.exit(2);
  }

  const host = values.lan ? '0.0.0.0' : (values.host ?? process.env.HOST ?? '127.0.0.1');
  const rawPort = values.port ?? process.env.PORT ?? '4010';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port tidak valid / invalid port: ${rawPort}`);
    process.exit(2);
  }
  const stuck = Number(values['stuck-after'] ?? 5);
  if (!Number.isFinite(stuck) || stuck <= 0) {
    console.error(`--stuck-after tidak valid / invalid: ${values['stuck-after']}`);
    process.exit(2);
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      host,
      port,
      dataDir,
      databaseUrl,
      publicUrl: values['public-url'],
      stuckAfterMinutes: stuck,
      ...(values['no-mock'] ? { mockModule: false as const } : {}),
      ...(values['join-limit'] ? { joinLimitPerMinute: Number(values['join-limit']) } : {}),
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const hint = e.code === 'EADDRINUSE' ? ` (port ${port} dipakai / in use; try --port)` : '';
    console.error(`Server gagal dimulai / could not start: ${e.message}${hint}`);
    process.exit(1);
  }
  const { url } = running;
  console.log(
    `BOS V2 Kit server: ${url}/  (${running.repo.kind === 'sqlite' ? `SQLite in ${dataDir}` : 'PostgreSQL'})`,
  );
  console.log(`  Konsol pelatih / trainer console  ${url}/trainer`);
  console.log(`  Gabung / join                     ${url}/join`);
  console.log(`  Sosialisasi / outreach            ${url}/outreach`);
  console.log(`  Referensi API / API reference     ${url}/reference/`);
  console.log(
    running.api === 'mock'
      ? `  Mock API                          ${url}/api/v2`
      : `  Mock API tidak tersedia / unavailable: ${running.apiReason}`,
  );
  if (host === '0.0.0.0') console.log('  Mendengarkan di LAN / listening on the LAN');
  console.log(`READY ${url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: berhenti / stopping`);
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
