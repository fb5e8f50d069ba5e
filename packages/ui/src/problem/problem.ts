/**
 * The API's errors (RFC 9457 problem+json, decision 0001) turned into what a form shows: one
 * message per field, keyed by the dotted path the contract uses (`details.headOfHousehold.name`).
 */

/** One entry of a problem's `errors[]`; client-side checks add `params` to localise the text. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** An `application/problem+json` body as the contract defines it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** Messages by dotted field path; the first error of a field wins. */
export type FieldErrorMap = Record<string, string>;

/**
 * Is this value a problem+json body?
 *
 * @example
 * ```ts
 * if (isProblem(error.body)) setErrors(fieldErrorsFromProblem(error.body));
 * ```
 */
export function isProblem(value: unknown): value is Problem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.title === 'string';
}

/**
 * One message per field from a problem's `errors[]`. A problem without `errors[]` gives `{}`:
 * show its `title`/`detail` as a form-level error instead (see {@link formLevelMessage}).
 *
 * @example
 * ```ts
 * fieldErrorsFromProblem({ type: 'urn:bosv2:problem:validation-failed', title: 'Data tidak valid',
 *   status: 400, code: 'validation-failed',
 *   errors: [{ field: 'description', code: 'description-too-short', message: 'Uraian minimal 50 karakter (sekarang 23).' }] });
 * // { description: 'Uraian minimal 50 karakter (sekarang 23).' }
 * ```
 */
export function fieldErrorsFromProblem(problem: Problem | null | undefined): FieldErrorMap {
  return fieldErrorsFromList(problem?.errors ?? []);
}

/** One message per field from a list of field errors (the first of a field wins). */
export function fieldErrorsFromList(errors: readonly FieldError[]): FieldErrorMap {
  const out: FieldErrorMap = {};
  for (const error of errors) {
    if (!(error.field in out)) out[error.field] = error.message;
  }
  return out;
}

/**
 * The errors under a path prefix, with the prefix removed: what a nested block (a person, a
 * location) receives from its parent form.
 *
 * @example
 * ```ts
 * errorsUnder({ 'details.headOfHousehold.name': 'Wajib diisi.' }, 'details.headOfHousehold');
 * // { name: 'Wajib diisi.' }
 * ```
 */
export function errorsUnder(errors: FieldErrorMap | undefined, prefix: string): FieldErrorMap {
  const out: FieldErrorMap = {};
  if (!errors) return out;
  const start = `${prefix}.`;
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(start)) out[field.slice(start.length)] = message;
  }
  return out;
}

/**
 * The message to show above a form for a problem that names no field (a 409, a 412, a 503),
 * or `null` when every error belongs to a field.
 */
export function formLevelMessage(problem: Problem | null | undefined): string | null {
  if (!problem) return null;
  if (problem.errors && problem.errors.length > 0) return null;
  return problem.detail ? `${problem.title}. ${problem.detail}` : problem.title;
}
