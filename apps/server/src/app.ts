import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { parseStatements, statementsOf } from './events.js';
import { boardCsv, certificatesHtml, reportHtml } from './exports.js';
import {
  acceptLanguage,
  clientAddress,
  HttpProblem,
  isLoopback,
  type Lang,
  parseCookies,
  readBody,
  send,
  sendHtml,
  sendJson,
  sendProblem,
} from './http.js';
import { Hub, traineeState } from './hub.js';
import { Outreach } from './outreach.js';
import {
  dashboardPage,
  homePage,
  joinedPage,
  joinPage,
  loginPage,
  messagePage,
  sessionPage,
  setupPage,
  tr,
} from './pages.js';
import { packageDir } from './paths.js';
import {
  hashPassword,
  isJoinCodeShape,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  RateLimiter,
  tokenHash,
  verifyPassword,
} from './security.js';
import { StaticDir } from './static.js';
import { openRepository, type Repository } from './store/index.js';
import type { Trainee, Trainer, TrainingSession } from './store/types.js';
import {
  parseDrill,
  parseJoin,
  parseLogin,
  parseNewTrainer,
  parseSessionInput,
} from './validate.js';

export const API_PREFIX = '/api/v2';
const TRAINER_COOKIE = 'bosv2_trainer';
const TRAINEE_COOKIE = 'bosv2_trainee';
const LANG_COOKIE = 'bosv2_lang';

export interface ServerOptions {
  host?: string;
  port?: number;
  /** The SQLite file lives here (and nothing else is written). */
  dataDir: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /** The address phones should use (QR codes); guessed from the request or the LAN when unset. */
  publicUrl?: string | undefined;
  stuckAfterMinutes?: number;
  joinCodeTtlMinutes?: number;
  loginTtlHours?: number;
  /** How often the live board re-reads the store (other processes, stuck trainees). */
  boardRefreshMs?: number;
  sandboxDist?: string;
  contractDist?: string;
  contentDir?: string;
  /** The module that exports `createMockRequestListener`; false: no mock. */
  mockModule?: string | false;
  /** How long the SLOW drill holds each mock request of a trainee (default 3 s). */
  slowDrillMs?: number;
  /** Join attempts per client address per minute (a hall's phones each have their own). */
  joinLimitPerMinute?: number;
  quiet?: boolean;
}

export interface RunningServer {
  url: string;
  server: Server;
  repo: Repository;
  api: 'mock' | 'unavailable';
  apiReason?: string;
  close(): Promise<void>;
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  lang: Lang;
}

type Handler = (ctx: Ctx) => Promise<void> | void;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

async function loadMock(
  module: string | false,
): Promise<{ listener?: RequestListener; reason?: string }> {
  if (module === false) return { reason: 'the mock is turned off' };
  try {
    const mod = (await import(module)) as { createMockRequestListener?: unknown };
    if (typeof mod.createMockRequestListener !== 'function') {
      return { reason: `${module} does not export createMockRequestListener` };
    }
    const listener = await (mod.createMockRequestListener as (o: { basePath: string }) => unknown)({
      basePath: API_PREFIX,
    });
    if (typeof listener !== 'function')
      return { reason: 'createMockRequestListener gave no listener' };
    return { listener: listener as RequestListener };
  } catch (error) {
    return { reason: `${module} could not be loaded: ${(error as Error).message}` };
  }
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const root = packageDir();
  const stuckAfterMinutes = options.stuckAfterMinutes ?? 5;
  const joinTtlMs = (options.joinCodeTtlMinutes ?? 240) * 60_000;
  const loginTtlMs = (options.loginTtlHours ?? 12) * 3_600_000;
  const repo = await openRepository({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const hub = new Hub(repo, {
    stuckAfterMinutes,
    refreshMs: options.boardRefreshMs ?? 5000,
    debounceMs: 1000,
  });
  const outreach = new Outreach(options.contentDir ?? join(root, 'content', 'outreach'));
  const assets = new StaticDir(join(root, 'public'));
  const sandbox = new StaticDir(
    resolve(options.sandboxDist ?? join(root, '..', 'sandbox', 'dist')),
    {
      builtPages: true,
      immutablePrefix: 'assets',
    },
  );
  const contractDist = resolve(
    options.contractDist ?? join(root, '..', '..', 'packages', 'contract', 'dist'),
  );
  const contract = new StaticDir(contractDist, { builtPages: true });
  const mock = await loadMock(options.mockModule ?? '@bosv2/mock/node');
  const joinFailures = new RateLimiter(repo, 'join-failures', 10, 10 * 60_000);
  const joinAttempts = new RateLimiter(repo, 'join', options.joinLimitPerMinute ?? 60, 60_000);
  const loginFailures = new RateLimiter(repo, 'login-failures', 10, 15 * 60_000);
  let boundPort = options.port ?? 4010;

  // ---- helpers ---------------------------------------------------------------------------

  const pageLang = (req: IncomingMessage, url: URL): Lang => {
    const q = url.searchParams.get('lang');
    if (q === 'id' || q === 'en') return q;
    const c = parseCookies(req)[LANG_COOKIE];
    return c === 'en' ? 'en' : 'id';
  };

  const baseUrl = (req: IncomingMessage): string => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const hostHeader = String(req.headers.host ?? '');
    const hostname = hostHeader.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const loopbackHost = hostname === 'localhost' || isLoopback(hostname) || hostname === '';
    if (!loopbackHost) return `http://${hostHeader}`;
    if (host === '0.0.0.0' || host === '::') {
      const lan = lanAddress();
      if (lan) return `http://${lan}:${boundPort}`;
    }
    return `http://${hostHeader || `127.0.0.1:${boundPort}`}`;
  };

  const qrSvg = (text: string) =>
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

  const cookie = (name: string, value: string, maxAgeSeconds: number, path = '/') =>
    `${name}=${encodeURIComponent(value)}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

  const trainerOf = async (req: IncomingMessage): Promise<Trainer | undefined> => {
    const token = parseCookies(req)[TRAINER_COOKIE];
    if (!token) return undefined;
    return repo.findAuthSession(tokenHash(token), new Date().toISOString());
  };

  const requireTrainer = async (ctx: Ctx): Promise<Trainer> => {
    const trainer = await trainerOf(ctx.req);
    if (!trainer) {
      throw new HttpProblem('unauthenticated', {
        id: 'Masuk sebagai pelatih dulu.',
        en: 'Log in as a trainer first.',
      });
    }
    return trainer;
  };

  /** A session of this trainer; another trainer's is "not found", not "forbidden". */
  const ownSession = async (trainer: Trainer, id: string): Promise<TrainingSession> => {
    const session = await repo.getSession(id);
    if (!session || session.trainerId !== trainer.id) throw new HttpProblem('not-found');
    return session;
  };

  const requireTrainee = async (
    ctx: Ctx,
  ): Promise<{ trainee: Trainee; session: TrainingSession }> => {
    const auth = String(ctx.req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ')
      ? auth.slice(7).trim()
      : parseCookies(ctx.req)[TRAINEE_COOKIE];
    const trainee = token ? await repo.findTraineeByToken(tokenHash(token)) : undefined;
    const session = trainee ? await repo.getSession(trainee.sessionId) : undefined;
    if (!trainee || !session) {
      throw new HttpProblem('unauthenticated', {
        id: 'Gabung ke kelas dengan kode dari pelatih.',
        en: "Join the class with the trainer's code.",
      });
    }
    return { trainee, session };
  };

  /** Cookie-authenticated writes must come from our own pages (SameSite=Strict does most). */
  const sameOrigin = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (!origin) return;
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      // unparsable: refused below
    }
    if (originHost !== req.headers.host) {
      throw new HttpProblem('forbidden', {
        id: 'Permintaan dari situs lain ditolak.',
        en: 'Requests from another site are refused.',
      });
    }
  };

  const sessionView = (req: IncomingMessage, s: TrainingSession) => ({
    ...s,
    joinUrl: s.joinCode ? `${baseUrl(req)}/j/${s.joinCode}` : null,
  });

  const uniqueJoinCode = async (): Promise<string> => {
    for (let i = 0; i < 20; i++) {
      const code = newJoinCode();
      if (!(await repo.findSessionByJoinCode(code))) return code;
    }
    throw new Error('no free join code');
  };

  const redirect = (res: ServerResponse, location: string) =>
    send(res, 303, { Location: location, 'Cache-Control': 'no-store' });

  /** The drill of the trainee's session, for requests to the shared mock from a joined phone. */
  const traineeSessions = new Map<string, string>();
  const slowDrillMs = options.slowDrillMs ?? 3000;
  const drillOf = async (req: IncomingMessage): Promise<string | undefined> => {
    const token = parseCookies(req)[TRAINEE_COOKIE];
    if (!token) return undefined;
    let sessionId = traineeSessions.get(token);
    if (!sessionId) {
      sessionId = (await repo.findTraineeByToken(tokenHash(token)))?.sessionId;
      if (!sessionId) return undefined;
      if (traineeSessions.size > 50_000) traineeSessions.clear();
      traineeSessions.set(token, sessionId);
    }
    const session = await repo.getSession(sessionId);
    return session?.status === 'OPEN' ? session.drill : undefined;
  };

  // ---- routes ----------------------------------------------------------------------------

  const routes: Route[] = [];
  const route = (method: string, path: string, handler: Handler) => {
    const pattern = new RegExp(
      `^${path.replace(/:([a-zA-Z]+)/g, (_, name) => `(?<${name}>[^/]+)`)}$`,
    );
    routes.push({ method, pattern, handler });
  };

  route('GET', '/favicon.ico', ({ res }) => send(res, 204, { 'Cache-Control': 'max-age=86400' }));

  route('GET', '/healthz', ({ res }) =>
    sendJson(res, 200, {
      status: 'ok',
      store: repo.kind,
      api: mock.listener ? 'mock' : 'unavailable',
    }),
  );

  // Trainer accounts and login.
  route('POST', '/api/classroom/setup', async ({ req, res }) => {
    if (!isLoopback(clientAddress(req))) {
      throw new HttpProblem('forbidden', {
        id: 'Akun pertama hanya dapat dibuat dari komputer server.',
        en: 'The first account can only be made on the server computer.',
      });
    }
    const input = parseNewTrainer(await readBody(req));
    if ((await repo.countTrainers()) > 0) {
      throw new HttpProblem('already-exists', {
        id: 'Sudah ada akun pelatih; masuk dengan akun itu.',
        en: 'A trainer account exists; log in with it.',
      });
    }
    const trainer = await createTrainer(input);
    sendJson(res, 201, trainer);
  });

  const createTrainer = async (input: {
    username: string;
    displayName: string;
    password: string;
  }) => {
    const trainer = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      createdAt: new Date().toISOString(),
    };
    const result = await repo.createTrainer({
      ...trainer,
      passwordHash: await hashPassword(input.password),
    });
    if (result === 'username-taken') {
      throw new HttpProblem('already-exists', undefined, [
        {
          field: 'username',
          code: 'already-exists',
          message: 'Nama pengguna sudah dipakai / taken',
        },
      ]);
    }
    return trainer;
  };

  route('POST', '/api/classroom/trainers', async (ctx) => {
    await requireTrainer(ctx);
    sameOrigin(ctx.req);
    const trainer = await createTrainer(parseNewTrainer(await readBody(ctx.req)));
    sendJson(ctx.res, 201, trainer);
  });

  route('POST', '/api/classroom/login', async ({ req, res }) => {
    const address = clientAddress(req);
    const input = parseLogin(await readBody(req));
    const found = await repo.findTrainerByUsername(input.username);
    const ok = found ? await verifyPassword(found.passwordHash, input.password) : false;
    if (!found || !ok) {
      const wait = await loginFailures.hit(address);
      if (wait > 0) {
        throw new HttpProblem('rate-limited', undefined, undefined, {
          'Retry-After': String(wait),
        });
      }
      throw new HttpProblem('invalid-credentials');
    }
    const token = newToken();
    await repo.createAuthSession(
      tokenHash(token),
      found.id,
      new Date(Date.now() + loginTtlMs).toISOString(),
    );
    const { passwordHash: _, ...trainer } = found;
    sendJson(res, 200, trainer, {
      'Set-Cookie': cookie(TRAINER_COOKIE, token, Math.floor(loginTtlMs / 1000)),
    });
  });

  route('POST', '/api/classroom/logout', async ({ req, res }) => {
    const token = parseCookies(req)[TRAINER_COOKIE];
    if (token) await repo.deleteAuthSession(tokenHash(token));
    send(res, 204, { 'Set-Cookie': cookie(TRAINER_COOKIE, '', 0) });
  });

  route('GET', '/api/classroom/me', async (ctx) =>
    sendJson(ctx.res, 200, await requireTrainer(ctx)),
  );

  // Sessions.
  route('GET', '/api/classroom/sessions', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    const sessions = await repo.listSessions(trainer.id);
    sendJson(ctx.res, 200, {
      items: sessions.map((s) => sessionView(ctx.req, s)),
      nextCursor: null,
    });
  });

  route('POST', '/api/classroom/sessions', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    sameOrigin(ctx.req);
    const input = parseSessionInput(await readBody(ctx.req));
    const now = new Date();
    const session = await repo.createSession({
      id: randomUUID(),
      trainerId: trainer.id,
      ...input,
      joinCode: await uniqueJoinCode(),
      joinCodeExpiresAt: new Date(now.getTime() + joinTtlMs).toISOString(),
      createdAt: now.toISOString(),
    });
    sendJson(ctx.res, 201, sessionView(ctx.req, session), {
      Location: `/api/classroom/sessions/${session.id}`,
    });
  });

  route('GET', '/api/classroom/sessions/:id', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    sendJson(
      ctx.res,
      200,
      sessionView(ctx.req, await ownSession(trainer, ctx.params.id as string)),
    );
  });

  const requireOpen = (session: TrainingSession) => {
    if (session.status !== 'OPEN') {
      throw new HttpProblem('invalid-state', {
        id: 'Sesi sudah ditutup.',
        en: 'The session is closed.',
      });
    }
  };

  route('POST', '/api/classroom/sessions/:id/join-code', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    sameOrigin(ctx.req);
    const session = await ownSession(trainer, ctx.params.id as string);
    requireOpen(session);
    const updated = await repo.setJoinCode(
      session.id,
      await uniqueJoinCode(),
      new Date(Date.now() + joinTtlMs).toISOString(),
    );
    sendJson(ctx.res, 200, sessionView(ctx.req, updated as TrainingSession));
  });

  route('GET', '/api/classroom/sessions/:id/qr.svg', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    const session = await ownSession(trainer, ctx.params.id as string);
    requireOpen(session);
    send(
      ctx.res,
      200,
      { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' },
      await qrSvg(`${baseUrl(ctx.req)}/j/${session.joinCode}`),
    );
  });

  route('PUT', '/api/classroom/sessions/:id/drill', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    sameOrigin(ctx.req);
    const session = await ownSession(trainer, ctx.params.id as string);
    const drill = parseDrill(await readBody(ctx.req));
    requireOpen(session);
    const updated = (await repo.setDrill(
      session.id,
      drill,
      new Date().toISOString(),
    )) as TrainingSession;
    hub.notify(session.id);
    sendJson(ctx.res, 200, sessionView(ctx.req, updated));
  });

  route('POST', '/api/classroom/sessions/:id/close', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    sameOrigin(ctx.req);
    const session = await ownSession(trainer, ctx.params.id as string);
    requireOpen(session);
    const closed = (await repo.closeSession(
      session.id,
      new Date().toISOString(),
    )) as TrainingSession;
    hub.notify(session.id);
    sendJson(ctx.res, 200, {
      ...sessionView(ctx.req, closed),
      exports: {
        csv: `/trainer/sessions/${session.id}/export.csv`,
        report: `/trainer/sessions/${session.id}/report`,
        certificates: `/trainer/sessions/${session.id}/certificates`,
      },
    });
  });

  route('GET', '/api/classroom/sessions/:id/board', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    const session = await ownSession(trainer, ctx.params.id as string);
    sendJson(ctx.res, 200, await hub.board(session.id));
  });

  route('GET', '/api/classroom/sessions/:id/board/stream', async (ctx) => {
    const trainer = await requireTrainer(ctx);
    const session = await ownSession(trainer, ctx.params.id as string);
    await hub.subscribeBoard(session.id, ctx.res);
  });

  const csv = async (ctx: Ctx) => {
    const trainer = await requireTrainer(ctx);
    const session = await ownSession(trainer, ctx.params.id as string);
    const board = await hub.board(session.id, { fresh: true });
    const name = `bosv2-${session.date}-${session.id.slice(0, 8)}.csv`;
    send(
      ctx.res,
      200,
      {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
      boardCsv(board as NonNullable<typeof board>),
    );
  };
  route('GET', '/api/classroom/sessions/:id/export.csv', csv);

  // Trainees.
  route('POST', '/api/classroom/join', async ({ req, res }) => {
    const address = clientAddress(req);
    const wait = await joinAttempts.hit(address);
    if (wait > 0) {
      throw new HttpProblem('rate-limited', undefined, undefined, { 'Retry-After': String(wait) });
    }
    const input = parseJoin(await readBody(req, { form: true }));
    const code = normalizeJoinCode(input.code);
    const session = isJoinCodeShape(code) ? await repo.findSessionByJoinCode(code) : undefined;
    const expiresAt = session?.joinCodeExpiresAt;
    const expired = typeof expiresAt === 'string' && expiresAt <= new Date().toISOString();
    if (session?.status !== 'OPEN' || expired) {
      const failWait = await joinFailures.hit(address);
      if (failWait > 0) {
        throw new HttpProblem('rate-limited', undefined, undefined, {
          'Retry-After': String(failWait),
        });
      }
      throw new HttpProblem('validation-failed', undefined, [
        {
          field: 'code',
          code: expired ? 'join-code-expired' : 'unknown-join-code',
          message: expired
            ? 'Kode sudah kedaluwarsa; minta kode baru ke pelatih / the code has expired; ask the trainer for a new one'
            : 'Kode tidak dikenal / unknown code',
        },
      ]);
    }
    const token = newToken();
    const trainee = {
      id: randomUUID(),
      sessionId: session.id,
      name: input.name,
      joinedAt: new Date().toISOString(),
    };
    await repo.addTrainee({ ...trainee, tokenHash: tokenHash(token) });
    hub.notify(session.id);
    sendJson(
      res,
      201,
      {
        trainee,
        token,
        session: {
          id: session.id,
          name: session.name,
          modules: session.modules,
          kind: session.kind,
        },
        state: traineeState(session),
        eventsUrl: '/api/classroom/trainee/events',
      },
      { 'Set-Cookie': cookie(TRAINEE_COOKIE, token, 7 * 24 * 3600) },
    );
  });

  route('GET', '/api/classroom/trainee', async (ctx) => {
    const { trainee, session } = await requireTrainee(ctx);
    sendJson(ctx.res, 200, {
      trainee,
      session: { id: session.id, name: session.name, modules: session.modules, kind: session.kind },
      state: traineeState(session),
    });
  });

  route('GET', '/api/classroom/trainee/stream', async (ctx) => {
    const { session } = await requireTrainee(ctx);
    hub.subscribeTrainee(session, ctx.res);
  });

  route('POST', '/api/classroom/trainee/events', async (ctx) => {
    const { trainee, session } = await requireTrainee(ctx);
    const statements = statementsOf(await readBody(ctx.req));
    if (!statements) {
      throw new HttpProblem('validation-failed', undefined, [
        {
          field: 'events',
          code: 'required',
          message:
            'Kirim satu kejadian, daftar, atau {events: [...]} / send one event, a list, or {events: [...]}',
        },
      ]);
    }
    const now = new Date();
    const batch = parseStatements(statements, now);
    if (batch.errors.length) throw new HttpProblem('validation-failed', undefined, batch.errors);
    const receivedAt = now.toISOString();
    const result = await repo.ingestEvents(
      batch.events.map((e) => ({ ...e, sessionId: session.id, traineeId: trainee.id, receivedAt })),
    );
    if (result.accepted > 0) hub.notify(session.id);
    sendJson(ctx.res, 200, {
      accepted: result.accepted,
      duplicates: result.duplicates + (statements.length - batch.events.length),
      ids: batch.events.map((e) => e.id),
    });
  });

  // Pages: trainer console.
  route('GET', '/trainer', async (ctx) => {
    const trainer = await trainerOf(ctx.req);
    if (!trainer) {
      const none = (await repo.countTrainers()) === 0;
      return redirect(ctx.res, none ? '/trainer/setup' : '/trainer/login');
    }
    sendHtml(ctx.res, 200, dashboardPage(ctx.lang, trainer, await repo.listSessions(trainer.id)));
  });
  route('GET', '/trainer/login', (ctx) => sendHtml(ctx.res, 200, loginPage(ctx.lang)));
  route('GET', '/trainer/setup', async (ctx) => {
    const t = tr(ctx.lang);
    if ((await repo.countTrainers()) > 0) return redirect(ctx.res, '/trainer/login');
    if (!isLoopback(clientAddress(ctx.req))) {
      return sendHtml(
        ctx.res,
        403,
        messagePage(
          ctx.lang,
          t('Belum ada akun pelatih', 'No trainer account yet'),
          t(
            'Buka halaman ini di komputer server (http://127.0.0.1), atau jalankan `bosv2-server add-trainer`.',
            'Open this page on the server computer (http://127.0.0.1), or run `bosv2-server add-trainer`.',
          ),
        ),
      );
    }
    sendHtml(ctx.res, 200, setupPage(ctx.lang));
  });

  const pageSession = async (ctx: Ctx): Promise<TrainingSession | undefined> => {
    const trainer = await trainerOf(ctx.req);
    if (!trainer) {
      redirect(ctx.res, '/trainer/login');
      return undefined;
    }
    const session = await repo.getSession(ctx.params.id as string);
    if (!session || session.trainerId !== trainer.id) throw new HttpProblem('not-found');
    return session;
  };

  route('GET', '/trainer/sessions/:id', async (ctx) => {
    const session = await pageSession(ctx);
    if (!session) return;
    const joinUrl = session.joinCode ? `${baseUrl(ctx.req)}/j/${session.joinCode}` : '';
    sendHtml(
      ctx.res,
      200,
      sessionPage(ctx.lang, session, joinUrl, joinUrl ? await qrSvg(joinUrl) : ''),
    );
  });
  route('GET', '/trainer/sessions/:id/report', async (ctx) => {
    const session = await pageSession(ctx);
    if (!session) return;
    sendHtml(
      ctx.res,
      200,
      reportHtml((await hub.board(session.id, { fresh: true })) as never, ctx.lang),
    );
  });
  route('GET', '/trainer/sessions/:id/certificates', async (ctx) => {
    const session = await pageSession(ctx);
    if (!session) return;
    const trainer = (await repo.findTrainerById(session.trainerId)) as Trainer;
    sendHtml(
      ctx.res,
      200,
      certificatesHtml(
        (await hub.board(session.id, { fresh: true })) as never,
        ctx.lang,
        trainer.displayName,
      ),
    );
  });
  route('GET', '/trainer/sessions/:id/export.csv', csv);

  // Pages: trainees.
  route('GET', '/join', (ctx) =>
    sendHtml(
      ctx.res,
      200,
      joinPage(ctx.lang, ctx.url.searchParams.get('code')?.slice(0, 12) ?? ''),
    ),
  );
  route('GET', '/j/:code', (ctx) =>
    sendHtml(ctx.res, 200, joinPage(ctx.lang, (ctx.params.code as string).slice(0, 12))),
  );
  route('GET', '/joined', (ctx) => sendHtml(ctx.res, 200, joinedPage(ctx.lang, sandbox.exists())));

  // Pages: outreach.
  const practiceUrl = (req: IncomingMessage) => `${baseUrl(req)}/outreach/practice`;
  route('GET', '/outreach', async (ctx) => {
    const url = practiceUrl(ctx.req);
    sendHtml(ctx.res, 200, outreach.slidesPage(ctx.lang, await qrSvg(url), url));
  });
  route('GET', '/outreach/handout', async (ctx) => {
    const url = practiceUrl(ctx.req);
    sendHtml(ctx.res, 200, outreach.handoutPage(ctx.lang, await qrSvg(url), url));
  });
  route('GET', '/outreach/practice', (ctx) => {
    const t = tr(ctx.lang);
    if (sandbox.exists()) return redirect(ctx.res, outreach.config().citizenPath);
    sendHtml(
      ctx.res,
      200,
      messagePage(
        ctx.lang,
        t('Latihan untuk masyarakat', 'Practice for the public'),
        t(
          'Aplikasi latihan (sandbox) belum terpasang di server ini. Setelah terpasang, kode QR ini membuka latihan mengirim laporan masyarakat dan mencari Bhabinkamtibmas Anda.',
          'The practice app (sandbox) is not installed on this server yet. Once it is, this QR code opens the practice of sending a citizen report and finding your Bhabinkamtibmas.',
        ),
        ['/outreach', t('Kembali ke presentasi', 'Back to the presentation')],
      ),
    );
  });

  // ---- dispatch --------------------------------------------------------------------------

  const serveContract = (ctx: Ctx): boolean => {
    const { url, req, res } = ctx;
    if (url.pathname === '/reference') {
      send(res, 308, { Location: '/reference/' });
      return true;
    }
    if (
      url.pathname === '/openapi.json' ||
      url.pathname === '/openapi.yaml' ||
      url.pathname.startsWith('/reference/')
    ) {
      const file = contract.resolve(url.pathname);
      if (file && contract.serve(req, res, file)) return true;
      throw new HttpProblem('service-unavailable', {
        id: 'Kontrak belum dibangun: jalankan `pnpm -F @bosv2/contract build`.',
        en: 'The contract is not built: run `pnpm -F @bosv2/contract build`.',
      });
    }
    return false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server.invalid');
    } catch {
      url = new URL('http://server.invalid/');
    }
    const lang = url.pathname.startsWith('/api/') ? acceptLanguage(req) : pageLang(req, url);
    const ctx: Ctx = { req, res, url, params: {}, lang };
    try {
      const path = url.pathname;
      if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
        const drill = await drillOf(req);
        if (drill === 'OFFLINE') {
          // The class drill "network off": the connection drops, as on a phone without signal.
          req.socket.destroy();
          return;
        }
        if (drill === 'SERVER_ERROR') {
          throw new HttpProblem(
            'service-unavailable',
            {
              id: 'Latihan gangguan: server sedang error. Laporan Anda tetap di antrean.',
              en: 'Drill: the server is failing. Your report stays in the queue.',
            },
            undefined,
            { 'Retry-After': '5' },
          );
        }
        if (drill === 'SLOW') await new Promise((r) => setTimeout(r, slowDrillMs));
        if (mock.listener) return await mock.listener(req, res);
        throw new HttpProblem('service-unavailable', {
          id: 'Mock API belum tersedia: bangun @bosv2/mock.',
          en: 'The mock API is not available: build @bosv2/mock.',
        });
      }
      const q = url.searchParams.get('lang');
      if ((q === 'id' || q === 'en') && !path.startsWith('/api/')) {
        res.setHeader('Set-Cookie', `${LANG_COOKIE}=${q}; Path=/; SameSite=Lax; Max-Age=31536000`);
      }
      const allowed: string[] = [];
      for (const r of routes) {
        const match = r.pattern.exec(path);
        if (!match) continue;
        if (r.method !== req.method && !(r.method === 'GET' && req.method === 'HEAD')) {
          allowed.push(r.method);
          continue;
        }
        ctx.params = { ...match.groups };
        return await r.handler(ctx);
      }
      if (allowed.length) {
        throw new HttpProblem('method-not-allowed', undefined, undefined, {
          Allow: [...new Set(allowed)].join(', '),
        });
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (path.startsWith('/_server/')) {
          const file = assets.resolve(path.slice('/_server'.length));
          if (file && assets.serve(req, res, file)) return;
        } else if (serveContract(ctx)) {
          return;
        } else if (!path.startsWith('/api/')) {
          if (sandbox.exists()) {
            const file = sandbox.resolve(path);
            if (file && sandbox.serve(req, res, file)) return;
            // A client-side route of the single-page app (no file extension): its index.html.
            const index = sandbox.resolve('/index.html');
            if (!/\.[a-z0-9]+$/i.test(path) && index && sandbox.serve(req, res, index)) return;
          } else if (path === '/' || path === '/index.html') {
            return sendHtml(res, 200, homePage(lang, false));
          }
        }
      }
      throw new HttpProblem('not-found');
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpProblem) return sendProblem(req, res, error);
      console.error(error);
      sendProblem(req, res, new HttpProblem('server-error'));
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  boundPort = typeof address === 'object' && address ? address.port : boundPort;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closed = false;
  return {
    url: `http://${shownHost}:${boundPort}`,
    server,
    repo,
    api: mock.listener ? 'mock' : 'unavailable',
    ...(mock.reason ? { apiReason: mock.reason } : {}),
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
      await repo.close();
    },
  };
}
