import { PROBLEM_TITLES } from './i18n.js';
import type { Lang, MockResponse } from './types.js';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Status and titles of each problem code. */
export type ProblemTypes = Record<string, { status: number; id: string; en: string }>;

const typesOfDoc = new WeakMap<object, ProblemTypes>();

/**
 * The problem types of a contract, read from its `x-problem-types` (status and `title.id` /
 * `title.en` per code); a code the document lacks, or a document without them, keeps the
 * built-in title (i18n.ts).
 */
export function problemTypesOf(doc: { [key: string]: unknown }): ProblemTypes {
  const hit = typesOfDoc.get(doc);
  if (hit) return hit;
  const out: ProblemTypes = { ...PROBLEM_TITLES };
  const declared = doc['x-problem-types'];
  if (declared && typeof declared === 'object') {
    for (const [code, entry] of Object.entries(declared as Record<string, unknown>)) {
      const e = entry as { status?: unknown; title?: { id?: unknown; en?: unknown } } | null;
      const id = e?.title?.id;
      const en = e?.title?.en;
      if (typeof e?.status !== 'number' || typeof id !== 'string' || typeof en !== 'string')
        continue;
      out[code] = { status: e.status, id, en };
    }
  }
  typesOfDoc.set(doc, out);
  return out;
}

export function problem(
  code: string,
  lang: Lang,
  extra: { detail?: string; errors?: FieldError[]; status?: number; instance?: string } = {},
  types: ProblemTypes = PROBLEM_TITLES,
): Problem {
  const known = types[code] ?? types['server-error'] ?? PROBLEM_TITLES['server-error'];
  const p: Problem = {
    type: `urn:bosv2:problem:${code}`,
    title: lang === 'en' ? (known?.en as string) : (known?.id as string),
    status: extra.status ?? known?.status ?? 500,
    code,
  };
  if (extra.detail) p.detail = extra.detail;
  if (extra.instance) p.instance = extra.instance;
  if (extra.errors?.length) p.errors = extra.errors;
  return p;
}

/** A thrown problem: handlers `throw new ProblemError(...)` to refuse a request. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${problem.status} ${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): MockResponse {
  return {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(p),
  };
}
