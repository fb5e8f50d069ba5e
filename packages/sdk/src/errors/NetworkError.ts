import { BosError } from './BosError.js';

/**
 * No answer arrived: the connection failed or dropped (offline, DNS, reset). The original error
 * from `fetch` is the `cause`. Whether the server stored a write is unknown.
 *
 * @example
 * if (isNetworkError(error)) toast('Tidak ada koneksi / No connection');
 */
export class NetworkError extends BosError {
  override name = 'NetworkError' as const;
  declare readonly method: string;
  declare readonly url: string;

  constructor(method: string, url: string, options: { cause: unknown }) {
    super(`Koneksi gagal / Network error: ${method} ${url}`, options);
    Object.assign(this, { method, url });
  }
}
