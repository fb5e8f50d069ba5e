import { type HandlerContext, type HandlerMap, light } from '../engine/context.js';
import { wita } from '../engine/sampler.js';
import type { UserRecord } from '../store/types.js';
import { userView } from './views.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

function randomToken(prefix: string): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Issues a session: an access token (TTL seconds) and a rotating refresh token (30 days). */
export function issueSession(ctx: HandlerContext, user: UserRecord, ttlSeconds: number) {
  const accessToken = randomToken('at_');
  const refreshToken = randomToken('rt_');
  const now = ctx.now();
  ctx.store.state.sessions[accessToken] = {
    userId: user.id,
    accessToken,
    refreshToken,
    expiresAt: now + ttlSeconds * 1000,
    refreshExpiresAt: now + 30 * 86_400_000,
  };
  ctx.store.state.refreshTokens[refreshToken] = accessToken;
  // Sessions are bounded so a load test cannot grow the state without end.
  const tokens = Object.keys(ctx.store.state.sessions);
  if (tokens.length > 20_000) {
    for (const t of tokens.slice(0, tokens.length - 20_000)) {
      const s = ctx.store.state.sessions[t];
      if (s) delete ctx.store.state.refreshTokens[s.refreshToken];
      delete ctx.store.state.sessions[t];
    }
  }
  return {
    accessToken,
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: ttlSeconds,
    user: userView(user),
  };
}

/** Five failed logins for one NRP or email within 15 minutes lock it for 15 minutes. */
function checkLock(ctx: HandlerContext, key: string): void {
  const f = ctx.store.state.loginFailures[key];
  if (f && f.lockedUntil > ctx.now()) {
    const seconds = Math.ceil((f.lockedUntil - ctx.now()) / 1000);
    ctx.fail('rate-limited', {
      detail: ctx.t(
        `Terlalu banyak percobaan gagal. Coba lagi dalam ${seconds} detik.`,
        `Too many failed attempts. Try again in ${seconds} seconds.`,
      ),
      headers: { 'retry-after': String(seconds) },
    });
  }
}

function recordFailure(ctx: HandlerContext, key: string): never {
  const now = ctx.now();
  const state = ctx.store.state.loginFailures;
  let f = state[key];
  if (!f || now - f.firstAt > WINDOW_MS) f = { count: 0, firstAt: now, lockedUntil: 0 };
  f.count += 1;
  if (f.count >= MAX_FAILURES) f.lockedUntil = now + WINDOW_MS;
  state[key] = f;
  const left = Math.max(0, MAX_FAILURES - f.count);
  ctx.fail('invalid-credentials', {
    detail: ctx.t(
      `Periksa kembali. Sisa percobaan: ${left}.`,
      `Check and try again. Attempts left: ${left}.`,
    ),
  });
}

export function createAuthHandlers(options: {
  accessTokenTtl: number;
  version: string;
}): HandlerMap {
  const ttl = options.accessTokenTtl;
  return {
    getHealth: light((ctx) => ({
      status: 200,
      body: { status: 'ok', version: options.version, time: wita(new Date(ctx.now())) },
    })),

    officerLogin: (ctx) => {
      const { nrp, password } = ctx.body as { nrp: string; password: string };
      const key = `nrp:${nrp}`;
      checkLock(ctx, key);
      const user = ctx.store.userByNrp(nrp);
      if (!user || user.password !== password || user.role === 'citizen') recordFailure(ctx, key);
      delete ctx.store.state.loginFailures[key];
      return { status: 200, body: issueSession(ctx, user, ttl) };
    },

    citizenLogin: (ctx) => {
      const { email, password } = ctx.body as { email: string; password: string };
      const key = `email:${email.toLowerCase()}`;
      checkLock(ctx, key);
      const user = ctx.store.userByEmail(email);
      if (!user || user.password !== password || user.role !== 'citizen') recordFailure(ctx, key);
      delete ctx.store.state.loginFailures[key];
      return { status: 200, body: issueSession(ctx, user, ttl) };
    },

    citizenRegister: (ctx) => {
      const input = ctx.body as {
        name: string;
        email: string;
        password: string;
        phone?: string;
        desaCode: string;
      };
      if (ctx.store.userByEmail(input.email)) {
        ctx.fail('already-exists', {
          detail: ctx.t(
            'Email ini sudah terdaftar; silakan masuk.',
            'This email is already registered; log in instead.',
          ),
        });
      }
      const user: UserRecord = {
        id: ctx.uuid(),
        role: 'citizen',
        name: input.name,
        email: input.email,
        password: input.password,
        desaCode: input.desaCode,
        assignments: [],
        assignmentsVersion: 1,
      };
      if (input.phone) user.phone = input.phone;
      ctx.store.addUser(user);
      return { status: 201, body: issueSession(ctx, user, ttl) };
    },

    refreshSession: (ctx) => {
      const { refreshToken } = ctx.body as { refreshToken: string };
      const state = ctx.store.state;
      const access = state.refreshTokens[refreshToken];
      const session = access ? state.sessions[access] : undefined;
      const user = session ? ctx.store.user(session.userId) : undefined;
      if (!access || !session || !user || session.refreshExpiresAt <= ctx.now()) {
        ctx.fail('unauthenticated', {
          detail: ctx.t(
            'Refresh token tidak dikenal atau kedaluwarsa; silakan masuk lagi.',
            'Unknown or expired refresh token; log in again.',
          ),
        });
      }
      delete state.refreshTokens[refreshToken];
      delete state.sessions[access as string];
      return { status: 200, body: issueSession(ctx, user as UserRecord, ttl) };
    },

    logout: (ctx) => {
      const state = ctx.store.state;
      const body = ctx.body as { refreshToken?: string } | undefined;
      if (ctx.accessToken) {
        const session = state.sessions[ctx.accessToken];
        if (session) delete state.refreshTokens[session.refreshToken];
        delete state.sessions[ctx.accessToken];
      }
      if (body?.refreshToken) {
        const access = state.refreshTokens[body.refreshToken];
        const session = access ? state.sessions[access] : undefined;
        if (access && session?.userId === ctx.user?.id) {
          delete state.sessions[access];
          delete state.refreshTokens[body.refreshToken];
        }
      }
      return { status: 204 };
    },

    getMe: (ctx) => ({ status: 200, body: userView(ctx.user as UserRecord) }),
  };
}
