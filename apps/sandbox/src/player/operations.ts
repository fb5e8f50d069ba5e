// The contract's operations, read from the bundled document (so the player stays generic as
// operations are added): which request each scenario step sends and how to address it.

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  pathParams: string[];
  /** The request body's schema name (`DailyReportInput`), if the body is JSON and named. */
  bodySchema: string | null;
}

interface SpecLike {
  paths?: Record<string, Record<string, unknown>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationIndex(spec: SpecLike): Map<string, OperationInfo> {
  const index = new Map<string, OperationInfo>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as
        | {
            operationId?: string;
            tags?: string[];
            requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
          }
        | undefined;
      if (!op?.operationId) continue;
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      index.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0] ?? '',
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        bodySchema: ref ? (ref.split('/').pop() ?? null) : null,
      });
    }
  }
  return index;
}

/** Operations the player mirrors onto the simulated server through the SDK outbox. */
export function mirrored(op: OperationInfo): boolean {
  // Logins and uploads are not reports: the sandbox's own session and files handle those.
  return op.method === 'POST' && !/login|upload|refresh|logout/i.test(op.operationId);
}

/**
 * The path parameters of `op`, filled from the ids the simulated server gave the reports created
 * earlier in the attempt (by resource group); null when one is unknown.
 */
export function resolvePath(
  op: OperationInfo,
  createdByTag: ReadonlyMap<string, string>,
): Record<string, string> | null {
  const path: Record<string, string> = {};
  for (const name of op.pathParams) {
    const id = createdByTag.get(op.tag);
    if (!id) return null;
    path[name] = id;
  }
  return path;
}
