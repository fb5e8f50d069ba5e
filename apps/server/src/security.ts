import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Repository } from './store/types.js';

/** No 0/O, 1/I/L: read aloud in a hall and typed on a phone without mistakes. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/** Upper-cases and drops spaces and dashes, so `abc 234` and `ABC-234` both work. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCodeShape(code: string): boolean {
  return new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(code);
}

/** A bearer or cookie secret; only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A fixed-window limit per key (client address), counted in the database: every server process
 * behind a load balancer shares one count, so adding processes does not multiply the guesses a
 * client gets at a join code or a password.
 */
export class RateLimiter {
  constructor(
    private readonly store: Pick<Repository, 'hitRateLimit'>,
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; answers the seconds to wait when over the limit, else 0. */
  async hit(key: string, now = Date.now()): Promise<number> {
    const { count, resetAt } = await this.store.hitRateLimit(
      `${this.name}:${key}`,
      this.windowMs,
      now,
    );
    return count > this.max ? Math.max(1, Math.ceil((resetAt - now) / 1000)) : 0;
  }
}
