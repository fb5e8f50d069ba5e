import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Lang = 'id' | 'en';

export const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Data (JSON, CSV, SVG, errors) may load nothing. */
export const DATA_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The server's own pages: this origin only, no inline script, no inline style. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ENTITIES: Record<string, string> = {
  '&#39;': "'",
  '&quot;': '"',
  '&amp;': '&',
  '&#x27;': "'",
};

/** The policy a built page declares in its own `<meta http-equiv="Content-Security-Policy">`. */
function declaredCsp(html: string): string | undefined {
  const end = html.search(/<\/head>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = (content?.[1] ?? content?.[2])?.replace(
      /&#39;|&quot;|&amp;|&#x27;/g,
      (e) => ENTITIES[e] ?? e,
    );
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

/**
 * The CSP of a built page (sandbox, reference): the page's own policy when it declares one (the
 * sandbox does: `'unsafe-eval'` for Ajv, nothing from other origins), sent as a header so it
 * also covers what a meta tag cannot (`frame-ancestors`); else this origin only, its inline
 * scripts by hash.
 */
export function builtPageCsp(html: string): string {
  const declared = declaredCsp(html);
  if (declared) {
    const policy = declared.replace(/;\s*$/, '');
    return /frame-ancestors/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`;
  }
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The titles of the problem codes this server uses (the contract's `x-problem-types`). */
const PROBLEMS: Record<string, { status: number; id: string; en: string }> = {
  'validation-failed': { status: 400, id: 'Data tidak valid', en: 'Invalid data' },
  'malformed-request': { status: 400, id: 'Permintaan rusak', en: 'Malformed request' },
  'unsupported-media-type': {
    status: 415,
    id: 'Jenis isi tidak didukung',
    en: 'Unsupported media type',
  },
  'payload-too-large': { status: 413, id: 'Data terlalu besar', en: 'Payload too large' },
  unauthenticated: { status: 401, id: 'Belum masuk', en: 'Not authenticated' },
  'invalid-credentials': {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah',
    en: 'Wrong username or password',
  },
  forbidden: { status: 403, id: 'Tidak berwenang', en: 'Forbidden' },
  'not-found': { status: 404, id: 'Tidak ditemukan', en: 'Not found' },
  'method-not-allowed': { status: 405, id: 'Metode tidak diizinkan', en: 'Method not allowed' },
  'invalid-state': { status: 409, id: 'Status sesi tidak mengizinkan', en: 'Not allowed now' },
  'already-exists': { status: 409, id: 'Sudah ada', en: 'Already exists' },
  'rate-limited': { status: 429, id: 'Terlalu banyak percobaan', en: 'Too many requests' },
  'server-error': { status: 500, id: 'Kesalahan server', en: 'Server error' },
  'service-unavailable': { status: 503, id: 'Layanan tidak tersedia', en: 'Service unavailable' },
};

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly code: string,
    readonly detail?: { id: string; en: string },
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** `en` when the client prefers English, else Bahasa Indonesia (the default). */
export function acceptLanguage(req: IncomingMessage): Lang {
  const ranked = String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'id' || tag.startsWith('id-')) return 'id';
  }
  return 'id';
}

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: string | Buffer,
  head = false,
): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Security-Policy': DATA_CSP, ...headers });
  res.end(head ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  send(
    res,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    JSON.stringify(value),
  );
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers = {}): void {
  send(
    res,
    status,
    {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
      ...headers,
    },
    html,
  );
}

export function sendProblem(req: IncomingMessage, res: ServerResponse, problem: HttpProblem): void {
  const lang = acceptLanguage(req);
  const known = PROBLEMS[problem.code] ?? PROBLEMS['server-error'];
  const entry = known as { status: number; id: string; en: string };
  const body = {
    type: `urn:bosv2:problem:${problem.code}`,
    title: entry[lang],
    status: entry.status,
    ...(problem.detail ? { detail: problem.detail[lang] } : {}),
    instance: (req.url ?? '/').split('?')[0],
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  send(
    res,
    entry.status,
    {
      'Content-Type': 'application/problem+json',
      'Content-Language': lang,
      'Cache-Control': 'no-store',
      ...problem.headers,
    },
    JSON.stringify(body),
    req.method === 'HEAD',
  );
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body (or a urlencoded form, turned into an object of strings). */
export async function readBody(
  req: IncomingMessage,
  options: { form?: boolean; limit?: number } = {},
): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  const isJson = type === 'application/json' || Boolean(type?.endsWith('+json'));
  const isForm = options.form === true && type === 'application/x-www-form-urlencoded';
  if (!isJson && !isForm) {
    req.resume();
    throw new HttpProblem('unsupported-media-type', {
      id: 'Kirim data sebagai application/json.',
      en: 'Send the body as application/json.',
    });
  }
  const limit = options.limit ?? MAX_BODY_BYTES;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new HttpProblem('payload-too-large', {
      id: `Maksimal ${limit} bita.`,
      en: `At most ${limit} bytes.`,
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new HttpProblem('payload-too-large', {
        id: `Maksimal ${limit} bita.`,
        en: `At most ${limit} bytes.`,
      });
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (isForm) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem('malformed-request', {
      id: 'Isi permintaan bukan JSON yang sah.',
      en: 'The body is not valid JSON.',
    });
  }
}

export function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      out[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // a cookie we did not set; ignore it
    }
  }
  return out;
}

/** The client's address, for rate limits. */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
