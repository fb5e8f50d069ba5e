import type { Prng } from './prng.js';

/**
 * Fault grammar (the `X-Mock-Fault` header, `--faults`, `POST /__mock/faults`):
 *
 *   faults   = fault *( ";" fault )
 *   fault    = name [ "=" value ] [ "@" probability ]
 *
 *   latency=<dist>          delay the answer; dist is `300`, `100-400` (uniform), `uniform(100,400)`,
 *                           `normal(200,50)` or `exp(150)`, in milliseconds (clamped to 0..60000)
 *   offline                 network error, nothing reaches the server
 *   drop-after-write        the server processes the request (a create is stored), then the
 *                           connection is cut before the answer
 *   5xx[=<status>]          answer 500/502/503/504 (default 503) without processing
 *   5xx-burst=<n>[/<status>] the first n matching requests answer 5xx, later ones pass
 *   429[=<seconds>]         answer 429 rate-limited with Retry-After (default 30)
 *   slow-body=<bytes>/<ms>  send the body in chunks of <bytes> every <ms> milliseconds
 *   truncate                send half the body, then cut the connection
 *   @<p>                    apply the fault with probability p (0..1), drawn from the seeded PRNG
 *
 * Example: `latency=normal(200,50); 5xx@0.1; drop-after-write@0.05`.
 */
export type Dist =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'exp'; mean: number };

export type Fault =
  | { name: 'latency'; dist: Dist; p: number }
  | { name: 'offline'; p: number }
  | { name: 'drop-after-write'; p: number }
  | { name: '5xx'; status: number; p: number }
  | { name: '5xx-burst'; count: number; status: number; p: number }
  | { name: '429'; retryAfter: number; p: number }
  | { name: 'slow-body'; chunkBytes: number; intervalMs: number; p: number }
  | { name: 'truncate'; p: number };

export class FaultSyntaxError extends Error {
  override readonly name = 'FaultSyntaxError';
}

const NUM = String.raw`\s*(\d+(?:\.\d+)?)\s*`;

function parseDist(value: string): Dist {
  const v = value.trim();
  let m = new RegExp(`^${NUM}$`).exec(v);
  if (m) return { kind: 'fixed', ms: Number(m[1]) };
  m = new RegExp(`^${NUM}-${NUM}$`).exec(v);
  if (m) return { kind: 'uniform', min: Number(m[1]), max: Number(m[2]) };
  m = new RegExp(`^uniform\\(${NUM},${NUM}\\)$`).exec(v);
  if (m) return { kind: 'uniform', min: Number(m[1]), max: Number(m[2]) };
  m = new RegExp(`^normal\\(${NUM},${NUM}\\)$`).exec(v);
  if (m) return { kind: 'normal', mean: Number(m[1]), sd: Number(m[2]) };
  m = new RegExp(`^exp\\(${NUM}\\)$`).exec(v);
  if (m) return { kind: 'exp', mean: Number(m[1]) };
  throw new FaultSyntaxError(`latency: unknown distribution "${value}"`);
}

const STATUS_5XX = new Set([500, 502, 503, 504]);

function parseStatus(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!STATUS_5XX.has(n))
    throw new FaultSyntaxError(`5xx: status must be 500, 502, 503 or 504, not "${value}"`);
  return n;
}

function positiveInt(value: string | undefined, what: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new FaultSyntaxError(`${what}: expected a whole number 0..${max}, got "${value ?? ''}"`);
  return n;
}

export function parseFaults(text: string): Fault[] {
  if (text.length > 500) throw new FaultSyntaxError('fault list too long');
  const faults: Fault[] = [];
  for (const rawPart of text.split(';')) {
    const part = rawPart.trim();
    if (!part) continue;
    let body = part;
    let p = 1;
    const at = part.lastIndexOf('@');
    if (at >= 0) {
      p = Number(part.slice(at + 1));
      if (!(p >= 0 && p <= 1)) throw new FaultSyntaxError(`probability must be 0..1 in "${part}"`);
      body = part.slice(0, at).trim();
    }
    const eq = body.indexOf('=');
    const name = (eq >= 0 ? body.slice(0, eq) : body).trim().toLowerCase();
    const value = eq >= 0 ? body.slice(eq + 1).trim() : undefined;
    switch (name) {
      case 'latency':
        if (!value) throw new FaultSyntaxError('latency needs a value, e.g. latency=300');
        faults.push({ name, dist: parseDist(value), p });
        break;
      case 'offline':
      case 'drop-after-write':
      case 'truncate':
        faults.push({ name, p });
        break;
      case '5xx':
      case '500':
      case '502':
      case '503':
      case '504':
        faults.push({
          name: '5xx',
          status: name === '5xx' ? parseStatus(value, 503) : Number(name),
          p,
        });
        break;
      case '5xx-burst': {
        const [count, status] = (value ?? '').split('/');
        faults.push({
          name,
          count: positiveInt(count, '5xx-burst', 1000),
          status: parseStatus(status, 503),
          p,
        });
        break;
      }
      case '429':
        faults.push({ name, retryAfter: value ? positiveInt(value, '429', 3600) : 30, p });
        break;
      case 'slow-body': {
        const [bytes, ms] = (value ?? '').split('/');
        faults.push({
          name,
          chunkBytes: Math.max(1, positiveInt(bytes, 'slow-body bytes', 1_000_000)),
          intervalMs: ms === undefined ? 100 : positiveInt(ms, 'slow-body ms', 10_000),
          p,
        });
        break;
      }
      default:
        throw new FaultSyntaxError(`unknown fault "${name}"`);
    }
  }
  return faults;
}

export function sampleDist(dist: Dist, rng: Prng): number {
  let ms: number;
  switch (dist.kind) {
    case 'fixed':
      ms = dist.ms;
      break;
    case 'uniform':
      ms = dist.min + rng.next() * (dist.max - dist.min);
      break;
    case 'normal':
      ms = rng.normal(dist.mean, dist.sd);
      break;
    case 'exp':
      ms = -Math.log(1 - rng.next()) * dist.mean;
      break;
  }
  return Math.round(Math.min(60_000, Math.max(0, ms)));
}

/** What the faults decided for one request. */
export interface FaultDecision {
  latencyMs: number;
  offline: boolean;
  dropAfterWrite: boolean;
  status5xx: number | null;
  retryAfter429: number | null;
  slowBody: { chunkBytes: number; intervalMs: number } | null;
  truncate: boolean;
  applied: string[];
}

export interface FaultRule {
  faults: Fault[];
  /** Only paths starting with this (after the API base), e.g. `/activities`. */
  pathPrefix?: string;
  /** Only these methods (upper case). */
  methods?: string[];
  text: string;
}

/**
 * Decides the faults of each request from the server-wide rules and the request's header.
 * Burst counters are keyed by the rule (server-wide) or by method, path and header (per request),
 * so a client retrying the same request sees the burst end.
 */
export class FaultInjector {
  rules: FaultRule[] = [];
  private bursts = new Map<string, number>();

  constructor(private rng: Prng) {}

  setRng(rng: Prng): void {
    this.rng = rng;
    this.bursts.clear();
  }

  setRules(rules: FaultRule[]): void {
    this.rules = rules;
    this.bursts.clear();
  }

  decide(method: string, path: string, header: string | undefined): FaultDecision {
    const d: FaultDecision = {
      latencyMs: 0,
      offline: false,
      dropAfterWrite: false,
      status5xx: null,
      retryAfter429: null,
      slowBody: null,
      truncate: false,
      applied: [],
    };
    const apply = (faults: Fault[], key: string) => {
      for (const f of faults) {
        if (f.p < 1 && this.rng.next() >= f.p) continue;
        switch (f.name) {
          case 'latency':
            d.latencyMs += sampleDist(f.dist, this.rng);
            break;
          case 'offline':
            d.offline = true;
            break;
          case 'drop-after-write':
            d.dropAfterWrite = true;
            break;
          case '5xx':
            d.status5xx = f.status;
            break;
          case '5xx-burst': {
            const k = `${key} ${f.count}/${f.status}`;
            const seen = this.bursts.get(k) ?? 0;
            if (seen >= f.count) continue;
            if (this.bursts.size > 10_000) this.bursts.clear();
            this.bursts.set(k, seen + 1);
            d.status5xx = f.status;
            break;
          }
          case '429':
            d.retryAfter429 = f.retryAfter;
            break;
          case 'slow-body':
            d.slowBody = { chunkBytes: f.chunkBytes, intervalMs: f.intervalMs };
            break;
          case 'truncate':
            d.truncate = true;
            break;
        }
        d.applied.push(f.name);
      }
    };
    this.rules.forEach((rule, index) => {
      if (rule.pathPrefix && !path.startsWith(rule.pathPrefix)) return;
      if (rule.methods && !rule.methods.includes(method.toUpperCase())) return;
      apply(rule.faults, `rule${index}`);
    });
    if (header) apply(parseFaults(header), `${method} ${path} ${header}`);
    return d;
  }
}
