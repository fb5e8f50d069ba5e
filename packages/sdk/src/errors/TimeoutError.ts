import { BosError } from './BosError.js';

/**
 * No answer within `timeoutMs` (per attempt). The `cause` is ky's timeout error. Whether the
 * server stored a write is unknown.
 *
 * @example
 * if (isTimeoutError(error)) console.log(error.method, error.url);
 */
export class TimeoutError extends BosError {
  override name = 'TimeoutError' as const;
  declare readonly method: string;
  declare readonly url: string;

  constructor(method: string, url: string, options: { cause: unknown }) {
    super(`Waktu habis / Request timed out: ${method} ${url}`, options);
    Object.assign(this, { method, url });
  }
}
