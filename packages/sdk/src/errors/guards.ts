import type { ApiError } from './ApiError.js';
import type { AuthError } from './AuthError.js';
import type { BosError } from './BosError.js';
import type { NetworkError } from './NetworkError.js';
import type { TimeoutError } from './TimeoutError.js';

// By name, not instanceof: an error from another realm (iframe, worker, vm) or another copy of
// the SDK is not an instance of this copy's classes.
const nameOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
const is = (error: unknown, name: string): boolean => nameOf(error) === name;

/** Every error the SDK throws on purpose. @example if (isBosError(e)) report(e.name) */
export const isBosError = (error: unknown): error is BosError =>
  /^(Bos|Api|Network|Timeout|Auth)Error$/.test(String(nameOf(error)));
/** @example if (isApiError(e) && e.status === 409) reload() */
export const isApiError = (error: unknown): error is ApiError => is(error, 'ApiError');
/** @example if (isNetworkError(e)) showOffline() */
export const isNetworkError = (error: unknown): error is NetworkError => is(error, 'NetworkError');
/** @example if (isTimeoutError(e)) showSlow() */
export const isTimeoutError = (error: unknown): error is TimeoutError => is(error, 'TimeoutError');
/** @example if (isAuthError(e)) goToLogin() */
export const isAuthError = (error: unknown): error is AuthError => is(error, 'AuthError');
