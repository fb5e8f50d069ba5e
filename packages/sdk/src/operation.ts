/** One row of the generated operation table (`operations.gen.ts`). */
export interface OperationInfo {
  /** The contract's `operationId`. */
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. `/activities/{activityId}`. */
  readonly path: string;
  /** The camelCase tag: `client.<group>`. */
  readonly group: string;
  /** The `x-sdk-method`: `client.<group>.<name>()`. */
  readonly name: string;
  /** The operation takes an `Idempotency-Key`; the SDK makes one when the caller gives none. */
  readonly idempotencyKey?: boolean;
  /** The operation takes `If-Match` (an update guarded by the resource's ETag). */
  readonly ifMatch?: boolean;
  /** The request body when it is not JSON: `multipart` or a media type. */
  readonly body?: string;
  /** No bearer token is needed (`x-public`). */
  readonly public?: boolean;
}
