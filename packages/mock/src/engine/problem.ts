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

export function problem(
  code: string,
  lang: Lang,
  extra: { detail?: string; errors?: FieldError[]; status?: number; instance?: string } = {},
): Problem {
  const known = PROBLEM_TITLES[code] ?? PROBLEM_TITLES['server-error'];
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
