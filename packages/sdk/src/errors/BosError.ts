/**
 * The base of every error the SDK throws on purpose. Tell them apart by `name` (or the `is*Error`
 * guards), which also works across realms, where `instanceof` does not.
 *
 * @example
 * if (error instanceof BosError) console.log(error.name, error.message);
 */
export class BosError extends Error {
  override name: 'BosError' | 'ApiError' | 'NetworkError' | 'TimeoutError' | 'AuthError' =
    'BosError';
}
