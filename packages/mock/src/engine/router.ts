import type { OperationSpec } from './spec.js';

interface RouteNode {
  statics: Map<string, RouteNode>;
  param: { name: string; node: RouteNode } | null;
  /** method (upper case) → operation */
  methods: Map<string, OperationSpec>;
}

export type RouteMatch =
  | { kind: 'found'; op: OperationSpec; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

const newNode = (): RouteNode => ({ statics: new Map(), param: null, methods: new Map() });

/**
 * A segment trie compiled once from the spec's paths: a lookup costs one map hit per segment,
 * whatever the number of operations. Static segments win over parameters (`/officers/me` before
 * `/officers/{id}`), as in OpenAPI's matching rules.
 */
export class Router {
  private readonly root = newNode();

  constructor(ops: OperationSpec[]) {
    for (const op of ops) this.add(op);
  }

  private add(op: OperationSpec): void {
    let node = this.root;
    for (const segment of op.path.split('/').filter(Boolean)) {
      const m = /^\{(.+)\}$/.exec(segment);
      if (m) {
        if (!node.param) node.param = { name: m[1] as string, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.statics.get(segment);
        if (!next) {
          next = newNode();
          node.statics.set(segment, next);
        }
        node = next;
      }
    }
    node.methods.set(op.method.toUpperCase(), op);
  }

  match(method: string, path: string): RouteMatch {
    const segments: string[] = [];
    // The path's segments without empty ones (no split-and-filter arrays per request).
    let start = 0;
    for (let i = 0; i <= path.length; i++) {
      if (i === path.length || path.charCodeAt(i) === 47 /* / */) {
        if (i > start) segments.push(path.slice(start, i));
        start = i + 1;
      }
    }
    const params: Record<string, string> = {};
    const node = this.walk(this.root, segments, 0, params);
    if (!node || node.methods.size === 0) return { kind: 'not-found' };
    const upper = method.toUpperCase();
    const op = node.methods.get(upper) ?? (upper === 'HEAD' ? node.methods.get('GET') : undefined);
    if (!op) return { kind: 'method-not-allowed', allow: [...node.methods.keys()].sort() };
    return { kind: 'found', op, params };
  }

  private walk(
    node: RouteNode,
    segments: string[],
    index: number,
    params: Record<string, string>,
  ): RouteNode | null {
    if (index === segments.length) return node;
    const segment = segments[index] as string;
    const next = node.statics.get(segment);
    if (next) {
      const found = this.walk(next, segments, index + 1, params);
      if (found && found.methods.size > 0) return found;
    }
    if (node.param) {
      const found = this.walk(node.param.node, segments, index + 1, params);
      if (found && found.methods.size > 0) {
        params[node.param.name] = segment.includes('%') ? decodeSegment(segment) : segment;
        return found;
      }
    }
    return null;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
