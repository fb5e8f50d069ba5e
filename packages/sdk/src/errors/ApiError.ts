import type { components } from '../schema.gen.js';
import { BosError } from './BosError.js';

/** The problem codes of the contract (`x-problem-types`); others may come from proxies. */
export type ProblemCode = components['schemas']['ProblemCode'];

/** One field-level error of a problem: `field` is a dotted path into the body, or `query.x`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** An RFC 9457 problem as the BOS V2 API sends it (`application/problem+json`). */
export interface Problem {
  /** `urn:bosv2:problem:<code>`; never translated. */
  type: string;
  /** A short summary in the request's language. */
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The stable kind of error, e.g. `validation-failed`, `invalid-state`. */
  code: ProblemCode | (string & {});
  errors?: FieldError[];
}

/**
 * The server answered with an error status (4xx or 5xx). `problem` is the parsed problem+json,
 * or one made from the status when the body was not a problem.
 *
 * @example
 * try { await client.activities.create({ body }) } catch (error) {
 *   if (isApiError(error) && error.problem.code === 'validation-failed') show(error.problem.errors);
 * }
 */
export class ApiError extends BosError {
  override name = 'ApiError' as const;
  declare readonly status: number;
  declare readonly problem: Problem;
  declare readonly request: Request;
  declare readonly response: Response;

  constructor(problem: Problem, request: Request, response: Response) {
    super(
      `${problem.title} (${response.status} ${problem.code}): ${request.method} ${request.url}${problem.detail ? ` - ${problem.detail}` : ''}`,
    );
    Object.assign(this, { status: response.status, problem, request, response });
  }
}
