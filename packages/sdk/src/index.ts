import { type Client, type ClientOptions, createClientFor } from './client.js';
import { operations } from './operations.gen.js';

/**
 * Makes a client for every operation of the contract: `client.<group>.<method>(input)`.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:4010/api/v2' });
 * await client.login({ nrp: '85061234', password: 'latihan-bos-v2' });
 * for await (const activity of client.paginate(client.activities.list, { query: { limit: 50 } })) {
 *   console.log(activity.id);
 * }
 */
export function createClient(options: ClientOptions): Client<typeof operations> {
  return createClientFor(operations, options);
}

export {
  type Client,
  type ClientCore,
  type ClientOptions,
  type Credentials,
  createClientFor,
  type Page,
  type RequestInput,
  type Session,
} from './client.js';
export { ApiError, type FieldError, type Problem, type ProblemCode } from './errors/ApiError.js';
export { AuthError } from './errors/AuthError.js';
export { BosError } from './errors/BosError.js';
export {
  isApiError,
  isAuthError,
  isBosError,
  isNetworkError,
  isTimeoutError,
} from './errors/guards.js';
export { NetworkError } from './errors/NetworkError.js';
export { TimeoutError } from './errors/TimeoutError.js';
export type { OperationInfo } from './operation.js';
export * from './operations.gen.js';
export type { components, operations as OperationTypes, paths } from './schema.gen.js';
export {
  memoryTokenStore,
  type TokenStore,
  type Tokens,
  webStorageTokenStore,
} from './token-store.js';
export type {
  CallOptions,
  DataOf,
  InputOf,
  OperationData,
  OperationGroups,
  OperationInput,
  OperationMethod,
  OperationTable,
  Result,
  RetryOptions,
  SdkError,
  UploadProgress,
} from './types.js';
