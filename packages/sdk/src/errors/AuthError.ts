import { BosError } from './BosError.js';

/**
 * The session is over: the access token was refused and refreshing it failed (or there was no
 * refresh token). The token store has been cleared; send the user to the login screen. The
 * refresh failure is the `cause`.
 *
 * @example
 * if (isAuthError(error)) router.push('/login');
 */
export class AuthError extends BosError {
  override name = 'AuthError' as const;
}
